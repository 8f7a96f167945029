package cq.jianxi.identity.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.identity.rest.AuthDtos.ChangePasswordRequest;
import cq.jianxi.identity.rest.AuthDtos.LoginRequest;
import cq.jianxi.identity.rest.AuthDtos.LoginResponse;
import cq.jianxi.identity.service.AuthService;
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
    LoginResponses responses;

    @POST
    @Path("/auth/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Log in",
            description = "用户名密码登录。未启用第二因素的账户直接返回 RS256 访问令牌（status=AUTHENTICATED）；已绑定身份验证器的账户返回 "
                    + "status=SECOND_FACTOR_REQUIRED 与一次性票据 challenge，再调用 /api/auth/login/second-factor；尚未绑定的管理人员"
                    + "（市、区县、市级部门）返回 status=ENROLMENT_REQUIRED，须先经 /api/auth/login/enrolment 绑定。"
                    + "同一账户 15 分钟内连续失败 5 次（密码与验证码合计）后锁定（423），锁定期间即使密码正确也拒绝。启用外部身份认证时本接口关闭（404）。")
    @APIResponse(responseCode = "200", description = "密码正确：已登录，或需要第二因素（见 status）")
    @APIResponse(responseCode = "401", description = "用户名或密码错误（不区分账户是否存在）")
    @APIResponse(responseCode = "404", description = "启用外部身份认证时内置登录关闭")
    @APIResponse(responseCode = "423", description = "账户已临时锁定，Retry-After 为剩余秒数")
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
            description = "修改自己的密码。新密码至少 8 位，且包含大写字母、小写字母、数字、符号中的至少 3 类。")
    @APIResponse(responseCode = "204", description = "密码已修改")
    public Uni<Void> changePassword(@Valid @NotNull(message = "请求体不能为空") ChangePasswordRequest request) {
        return auth.changePassword(callers.current(), request.currentPassword(), request.newPassword());
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "Who am I", description = "返回当前用户、角色及其数据范围（区县、部门、基地或青年编号）。")
    public Uni<UserView> me() {
        return directory.describe(callers.current()).map(AuthResource::view);
    }

    static UserView view(UserDirectory.Profile p) {
        return new UserView(p.id(), p.username(), p.displayName(), p.role(), p.role().label(), p.regionCode(),
                p.regionName(), p.departmentCode(), p.departmentName(), p.baseId(), p.baseName(), p.baseStatus(), p.youthId());
    }
}
