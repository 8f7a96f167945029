package cq.jianxi.identity.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.identity.rest.AuthDtos.ChangePasswordRequest;
import cq.jianxi.identity.rest.AuthDtos.LoginRequest;
import cq.jianxi.identity.rest.AuthDtos.LoginResponse;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimited;
import cq.jianxi.common.ratelimit.RateLimits;
import cq.jianxi.identity.service.AuthService;
import cq.jianxi.identity.service.PasswordResetService;
import cq.jianxi.identity.service.PasswordService;
import cq.jianxi.identity.service.RegistrationCodes;
import cq.jianxi.identity.service.UserDirectory;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Built-in login, session renewal, logout, password change and the caller's own profile. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "身份认证")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    UserDirectory directory;

    @Inject
    CallerProvider callers;

    @Inject
    PasswordService passwords;

    @Inject
    PasswordResetService resets;

    @Inject
    RegistrationCodes codes;

    @Inject
    LoginResponses responses;

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited(Limit.LOGIN_ADDRESS)
    @Operation(summary = "Log in",
            description = "用户名密码登录。未启用第二因素的账户直接返回 RS256 访问令牌（status=AUTHENTICATED）；已绑定身份验证器的账户返回 "
                    + "status=SECOND_FACTOR_REQUIRED 与一次性票据 challenge，再调用 /api/auth/login/second-factor；尚未绑定的管理人员"
                    + "（市、区县、市级部门）返回 status=ENROLMENT_REQUIRED，须先经 /api/auth/login/enrolment 绑定。"
                    + "同一账户从同一地址 15 分钟内连续失败 5 次（密码与验证码合计）后，该地址对该账户锁定（423），锁定期间即使密码正确也拒绝；其他地址不受影响。"
                    + "同一账户在各地址合计失败过多时放慢（429，Retry-After）。每个地址每分钟最多 20 次登录请求（429）。启用外部身份认证时本接口关闭（404）。"
                    + "passwordChangeRequired 为 true 时须先修改密码。")
    @APIResponse(responseCode = "200", description = "密码正确：已登录，或需要第二因素（见 status）")
    @APIResponse(responseCode = "401", description = "用户名或密码错误（不区分账户是否存在）")
    @APIResponse(responseCode = "404", description = "启用外部身份认证时内置登录关闭")
    @APIResponse(responseCode = "423", description = "该地址对该账户临时锁定，Retry-After 为剩余秒数")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<LoginResponse> login(@Valid @NotNull(message = "请求体不能为空") LoginRequest request) {
        return auth.login(request.username(), request.password(), callers.clientIp()).flatMap(responses::of);
    }

    @POST
    @Path("/auth/refresh")
    @Authenticated
    @Operation(summary = "Renew the access token",
            description = "会话有效时签发新的访问令牌（活跃用户在令牌到期前调用）。会话在 30 分钟无操作、登录满 12 小时或退出后结束，此时返回 401。")
    public Uni<LoginResponse> refresh() {
        return auth.refresh(callers.current()).flatMap(responses::of);
    }

    @POST
    @Path("/auth/logout")
    @Authenticated
    @ResponseStatus(204)
    @Operation(summary = "Log out", description = "退出登录：结束当前会话，此前签发的令牌全部失效。")
    @APIResponse(responseCode = "204", description = "已退出")
    public Uni<Void> logout() {
        return auth.logout(callers.current());
    }

    @POST
    @Path("/auth/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @ResponseStatus(204)
    @Operation(summary = "Change password",
            description = "修改自己的密码。新密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类，不能与最近 5 次用过的密码（含当前密码）相同。修改后该账户的其他会话立即结束（含其数据推送流），当前会话继续有效且不再受限。")
    @APIResponse(responseCode = "204", description = "密码已修改")
    public Uni<Void> changePassword(@Valid @NotNull(message = "请求体不能为空") ChangePasswordRequest request) {
        return passwords.change(callers.current(), request.currentPassword(), request.newPassword());
    }

    @POST
    @Path("/auth/password-reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited(Limit.CODE_ADDRESS)
    @ResponseStatus(202)
    @Operation(summary = "Request a password reset code",
            description = "找回密码第一步：若该用户名存在、已启用且登记了手机号，向该手机号发送 6 位验证码（5 分钟内有效）。无论用户名是否存在，回答都相同（202）。每个用户名每分钟一次，每个地址每小时 10 次（429）。")
    @APIResponse(responseCode = "202", description = "已受理",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AuthDtos.Accepted.class)))
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<AuthDtos.Accepted> requestPasswordReset(@Valid @NotNull(message = "请求体不能为空") AuthDtos.PasswordResetRequest request) {
        return resets.request(request.username(), callers.clientIp())
                .replaceWith(new AuthDtos.Accepted("如该账户存在并登记了手机号，验证码已发送，请查收短信"));
    }

    @POST
    @Path("/auth/password-reset/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited(Limit.CODE_ADDRESS)
    @ResponseStatus(204)
    @Operation(summary = "Reset the password with a code",
            description = "找回密码第二步：凭短信验证码设置新密码。验证码错误、过期、已用或用户名不存在时回答相同（400，字段 code）；同一验证码最多尝试 5 次。成功后该账户的所有会话立即结束。")
    @APIResponse(responseCode = "204", description = "密码已重置")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<Void> confirmPasswordReset(@Valid @NotNull(message = "请求体不能为空") AuthDtos.PasswordResetConfirmation request) {
        return resets.reset(request.username(), request.code(), request.newPassword(), callers.clientIp());
    }

    @POST
    @Path("/auth/verification-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited(Limit.CODE_ADDRESS)
    @ResponseStatus(202)
    @Operation(summary = "Send a registration code",
            description = "注册前验证手机号：向该手机号发送 6 位验证码（5 分钟内有效，最多尝试 5 次）。回答不说明该号码是否已注册。每个号码每分钟 1 次、每天 10 次，每个地址每小时 10 次（429）。")
    @APIResponse(responseCode = "202", description = "已发送",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = AuthDtos.Accepted.class)))
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    @APIResponse(responseCode = "503", description = "短信网关暂不可用")
    public Uni<AuthDtos.Accepted> sendVerificationCode(@Valid @NotNull(message = "请求体不能为空") AuthDtos.VerificationCodeRequest request) {
        return codes.sendForRegistration(request.phone().trim(), callers.clientIp())
                .replaceWith(new AuthDtos.Accepted("验证码已发送，请查收短信"));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "Who am I", description = "返回当前用户、角色及其数据范围（区县、部门、基地或青年编号）。")
    public Uni<UserView> me() {
        boolean restricted = callers.restricted();
        return directory.describe(callers.current()).map(p -> view(p, restricted));
    }

    static UserView view(UserDirectory.Profile p) {
        return view(p, false);
    }

    static UserView view(UserDirectory.Profile p, boolean passwordChangeRequired) {
        return new UserView(p.id(), p.username(), p.displayName(), p.role(), p.role().label(), p.regionCode(),
                p.regionName(), p.departmentCode(), p.departmentName(), p.baseId(), p.baseName(), p.baseStatus(), p.youthId(),
                passwordChangeRequired);
    }
}
