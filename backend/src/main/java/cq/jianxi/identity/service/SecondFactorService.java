package cq.jianxi.identity.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.ChallengePurpose;
import cq.jianxi.identity.domain.LoginChallenge;
import cq.jianxi.identity.domain.SecondFactor;
import cq.jianxi.identity.domain.Totp;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.SecondFactorRepository;
import cq.jianxi.identity.repository.UserAccountRepository;
import cq.jianxi.identity.service.AuthService.LoginOutcome;
import cq.jianxi.identity.service.SecondFactorCodes.Enrolment;
import cq.jianxi.identity.service.SecondFactorCodes.Lockout;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The login's second step. After a correct password an account with an authenticator app gets a
 * challenge to answer with a code or a recovery code; staff without one get a challenge that only
 * allows binding one. Refused codes count towards the password's lockout.
 */
@ApplicationScoped
public class SecondFactorService {

    @Inject
    AppClock clock;

    @Inject
    AuthConfig auth;

    @Inject
    SecondFactorConfig config;

    @Inject
    UserAccountRepository users;

    @Inject
    SecondFactorRepository factors;

    @Inject
    LoginChallenges challenges;

    @Inject
    SecondFactorCodes codes;

    @Inject
    LoginSessions sessions;

    @Inject
    AuditService audit;

    /** Runs in the login's transaction once the password is right: a session, or a challenge for the second step. */
    public Uni<LoginOutcome> afterPassword(UserAccount user, String ip, OffsetDateTime now) {
        return factors.findById(user.id).flatMap(factor -> {
            ChallengePurpose purpose = SecondFactor.isActive(factor) ? ChallengePurpose.VERIFY
                    : SecondFactor.requiredFor(user.role) ? ChallengePurpose.ENROL : null;
            if (purpose == null) {
                return sessions.open(user, ip, now);
            }
            return codes.lockout(user, ip, now).flatMap(lock -> lock.locked() ? locked(user, ip, lock)
                    : challenges.issue(user, purpose, ip, now).map(token -> LoginOutcome.challenge(
                            purpose == ChallengePurpose.VERIFY ? LoginOutcome.Status.SECOND_FACTOR_REQUIRED
                                    : LoginOutcome.Status.ENROLMENT_REQUIRED,
                            user, token, config.challengeTtl())));
        });
    }

    /** Answers a VERIFY challenge with a code from the app or, without the phone, with a recovery code. */
    @WithTransaction
    public Uni<LoginOutcome> verify(String challenge, String code, String recoveryCode, String ip) {
        requireEmbedded();
        requireOneProof(code, recoveryCode);
        OffsetDateTime now = clock.now();
        return open(challenge, ChallengePurpose.VERIFY, now, (c, user) -> factors.findById(user.id).flatMap(factor -> {
            if (!SecondFactor.isActive(factor)) {
                throw ApiProblem.unauthorized(LoginChallenges.STALE);
            }
            return codes.lockout(user, ip, now).flatMap(lock -> lock.locked() ? locked(user, ip, lock)
                    : codes.prove(user, factor, code, recoveryCode, ip, now).flatMap(proof -> {
                        if (!proof.ok()) {
                            return failed(user, ip, proof.failure(), lock, now);
                        }
                        c.usedAt = now;
                        return audit.record(user.id, user.username, user.role.name(), ip, AuditAction.SECOND_FACTOR_VERIFIED,
                                        "user", String.valueOf(user.id), proof == SecondFactorCodes.Proof.RECOVERY_CODE ? "使用恢复码" : "使用验证码")
                                .chain(() -> sessions.open(user, ip, now));
                    }));
        }));
    }

    /** Answers an ENROL challenge with a new secret to bind; asking again replaces the one not yet confirmed. */
    @WithTransaction
    public Uni<Enrolment> beginEnrolment(String challenge, String ip) {
        requireEmbedded();
        OffsetDateTime now = clock.now();
        return open(challenge, ChallengePurpose.ENROL, now, (c, user) -> factors.findById(user.id).flatMap(factor -> {
            if (SecondFactor.isActive(factor)) {
                throw ApiProblem.unauthorized(LoginChallenges.STALE);
            }
            return codes.startEnrolment(user, factor, now).call(e -> audit.record(user.id, user.username, user.role.name(), ip,
                    AuditAction.SECOND_FACTOR_ENROLMENT_STARTED, "user", String.valueOf(user.id), "登录时绑定"));
        }));
    }

    /** Confirms the binding with a code from the new secret: the login completes and the recovery codes are shown once. */
    @WithTransaction
    public Uni<EnrolledLogin> confirmEnrolment(String challenge, String code, String ip) {
        requireEmbedded();
        OffsetDateTime now = clock.now();
        return open(challenge, ChallengePurpose.ENROL, now, (c, user) -> factors.findById(user.id).flatMap(factor -> {
            if (SecondFactor.isActive(factor)) {
                throw ApiProblem.unauthorized(LoginChallenges.STALE);
            }
            if (!SecondFactor.isPending(factor)) {
                throw ApiProblem.conflict("请先获取绑定二维码，再输入验证码");
            }
            return codes.lockout(user, ip, now).flatMap(lock -> {
                if (lock.locked()) {
                    return locked(user, ip, lock).map(EnrolledLogin::refused);
                }
                Totp.Verification result = codes.confirmPending(factor, code, now);
                if (!result.accepted()) {
                    return failed(user, ip, "绑定时验证码错误", lock, now).map(EnrolledLogin::refused);
                }
                c.usedAt = now;
                return codes.replaceRecoveryCodes(user.id, now)
                        .call(() -> audit.record(user.id, user.username, user.role.name(), ip, AuditAction.SECOND_FACTOR_ENABLED,
                                "user", String.valueOf(user.id), "登录时绑定"))
                        .flatMap(recovery -> sessions.open(user, ip, now).map(login -> new EnrolledLogin(login, recovery)));
            });
        }));
    }

    /** The challenge of the ticket and its account, both locked (in that order) for the rest of the transaction. */
    private <T> Uni<T> open(String challenge, ChallengePurpose purpose, OffsetDateTime now,
                            BiFunction<LoginChallenge, UserAccount, Uni<T>> then) {
        return challenges.redeem(challenge, purpose, now)
                .flatMap(c -> users.findByIdForUpdate(c.userId).flatMap(user -> {
                    if (user == null || !user.enabled) {
                        throw ApiProblem.unauthorized(LoginChallenges.STALE);
                    }
                    return then.apply(c, user);
                }));
    }

    private Uni<LoginOutcome> failed(UserAccount user, String ip, String reason, Lockout lock, OffsetDateTime now) {
        int remaining = lock.remaining() - 1;
        return codes.recordFailure(user, ip, reason, now).replaceWith(remaining <= 0
                ? LoginOutcome.locked(auth.lockWindow().toSeconds())
                : LoginOutcome.secondFactorFailed(remaining));
    }

    private Uni<LoginOutcome> locked(UserAccount user, String ip, Lockout lock) {
        return audit.record(user.id, user.username, user.role.name(), ip, AuditAction.LOGIN_LOCKED, "user", user.username,
                "第二因素连续失败，锁定中").replaceWith(LoginOutcome.locked(lock.retryAfterSeconds()));
    }

    static void requireOneProof(String code, String recoveryCode) {
        if ((code == null) == (recoveryCode == null)) {
            throw ApiProblem.ruleAt("code", "请输入验证码或恢复码（二选一）");
        }
    }

    private void requireEmbedded() {
        if (!auth.embedded()) {
            throw ApiProblem.notFound("内置登录已关闭，请通过统一身份认证平台登录");
        }
    }

    /** A completed binding at login: the session, and the recovery codes to show once; or why not. */
    public record EnrolledLogin(LoginOutcome login, List<String> recoveryCodes) {
        static EnrolledLogin refused(LoginOutcome outcome) {
            return new EnrolledLogin(outcome, List.of());
        }
    }
}
