package cq.jianxi.identity.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.identity.rest.AuthDtos.LoginResponse;
import cq.jianxi.identity.rest.AuthDtos.LoginStatus;
import cq.jianxi.identity.service.AuthService.LoginOutcome;
import cq.jianxi.identity.service.UserDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a login step's outcome into the response, or into the 401/423 problem it stands for. */
@ApplicationScoped
public class LoginResponses {

    @Inject
    UserDirectory directory;

    public Uni<LoginResponse> of(LoginOutcome outcome) {
        return switch (outcome.status()) {
            case FAILED -> Uni.createFrom().failure(ApiProblem.unauthorized(
                    "用户名或密码错误，还可尝试 " + outcome.remainingAttempts() + " 次"));
            case SECOND_FACTOR_FAILED -> Uni.createFrom().failure(ApiProblem.unauthorized(
                    "验证码不正确，还可尝试 " + outcome.remainingAttempts() + " 次"));
            case LOCKED -> Uni.createFrom().failure(ApiProblem.locked(
                    "登录失败次数过多，账户已临时锁定，请在 " + minutes(outcome.retryAfterSeconds()) + " 分钟后再试",
                    outcome.retryAfterSeconds()));
            case SECOND_FACTOR_REQUIRED -> Uni.createFrom().item(
                    LoginResponse.challenged(LoginStatus.SECOND_FACTOR_REQUIRED, outcome.challenge(), outcome.expiresIn()));
            case ENROLMENT_REQUIRED -> Uni.createFrom().item(
                    LoginResponse.challenged(LoginStatus.ENROLMENT_REQUIRED, outcome.challenge(), outcome.expiresIn()));
            case THROTTLED -> Uni.createFrom().failure(ApiProblem.tooManyRequests(
                    "该账户登录失败次数过多，请在 " + outcome.retryAfterSeconds() + " 秒后再试", outcome.retryAfterSeconds()));
            case OK -> directory.describe(outcome.user())
                    .map(profile -> LoginResponse.authenticated(outcome.accessToken(), outcome.expiresIn(),
                            AuthResource.view(profile, outcome.passwordChangeRequired()), outcome.passwordChangeRequired()));
        };
    }

    private static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
