package cq.jianxi.identity.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.identity.rest.AuthDtos.LoginResponse;
import cq.jianxi.identity.rest.SecondFactorDtos.EnrolmentChallengeRequest;
import cq.jianxi.identity.rest.SecondFactorDtos.EnrolmentConfirmLoginRequest;
import cq.jianxi.identity.rest.SecondFactorDtos.EnrolmentView;
import cq.jianxi.identity.rest.SecondFactorDtos.RecoveryCodesView;
import cq.jianxi.identity.rest.SecondFactorDtos.SecondFactorCode;
import cq.jianxi.identity.rest.SecondFactorDtos.SecondFactorLoginRequest;
import cq.jianxi.identity.rest.SecondFactorDtos.SecondFactorProof;
import cq.jianxi.identity.rest.SecondFactorDtos.StatusView;
import cq.jianxi.identity.service.SecondFactorService;
import cq.jianxi.identity.service.SecondFactorSettingsService;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The second factor (TOTP): the login's second step, binding an app, recovery codes and the admin's reset. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "身份认证")
public class SecondFactorResource {

    @Inject
    SecondFactorService login;

    @Inject
    SecondFactorSettingsService settings;

    @Inject
    LoginResponses responses;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/auth/login/second-factor")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Log in: second factor",
            description = "登录第二步：提交登录接口返回的 challenge 与身份验证器的 6 位验证码（TOTP，30 秒一换，前后各容许一个周期），"
                    + "或一个恢复码（二选一）。每个验证码只能使用一次；验证码错误与密码错误合并计入锁定次数。成功后返回访问令牌。")
    @APIResponse(responseCode = "200", description = "验证通过，已登录（status=AUTHENTICATED）")
    @APIResponse(responseCode = "400", description = "验证码与恢复码都未提供或同时提供，或格式不正确")
    @APIResponse(responseCode = "401", description = "验证码或恢复码不正确（含剩余次数），或票据已失效、已使用")
    @APIResponse(responseCode = "404", description = "启用外部身份认证时内置登录关闭")
    @APIResponse(responseCode = "423", description = "失败次数过多，账户已临时锁定")
    public Uni<LoginResponse> loginSecondFactor(@Valid @NotNull(message = "请求体不能为空") SecondFactorLoginRequest request) {
        return login.verify(request.challenge(), request.code(), request.recoveryCode(), callers.clientIp()).flatMap(responses::of);
    }

    @POST
    @Path("/auth/login/enrolment")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Log in: start binding an authenticator",
            description = "尚未绑定身份验证器的管理人员在密码正确后（status=ENROLMENT_REQUIRED）获取新密钥、otpauth 地址与二维码（SVG）。"
                    + "再次调用会换一个新密钥；确认前旧密钥不生效。")
    @APIResponse(responseCode = "200", description = "待绑定的密钥与二维码")
    @APIResponse(responseCode = "400", description = "缺少票据")
    @APIResponse(responseCode = "401", description = "票据已失效、已使用或不用于绑定")
    @APIResponse(responseCode = "404", description = "启用外部身份认证时内置登录关闭")
    public Uni<EnrolmentView> loginEnrolment(@Valid @NotNull(message = "请求体不能为空") EnrolmentChallengeRequest request) {
        return login.beginEnrolment(request.challenge(), callers.clientIp()).map(EnrolmentView::of);
    }

    @POST
    @Path("/auth/login/enrolment/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Log in: confirm the authenticator",
            description = "用新身份验证器显示的验证码确认绑定：启用第二因素并完成登录，返回访问令牌和 10 个恢复码（只返回这一次）。"
                    + "验证码错误计入锁定次数。")
    @APIResponse(responseCode = "200", description = "已绑定并登录；recoveryCodes 为恢复码")
    @APIResponse(responseCode = "400", description = "验证码格式不正确")
    @APIResponse(responseCode = "401", description = "验证码不正确（含剩余次数），或票据已失效")
    @APIResponse(responseCode = "404", description = "启用外部身份认证时内置登录关闭")
    @APIResponse(responseCode = "409", description = "尚未获取绑定二维码")
    @APIResponse(responseCode = "423", description = "失败次数过多，账户已临时锁定")
    public Uni<LoginResponse> loginEnrolmentConfirm(@Valid @NotNull(message = "请求体不能为空") EnrolmentConfirmLoginRequest request) {
        return login.confirmEnrolment(request.challenge(), request.code(), callers.clientIp())
                .flatMap(done -> responses.of(done.login()).map(r -> r.withRecoveryCodes(done.recoveryCodes())));
    }

    @GET
    @Path("/me/second-factor")
    @Authenticated
    @Operation(summary = "My second factor",
            description = "当前账户的第二因素状态：是否必须、是否已启用、剩余恢复码个数。外部身份认证模式下 managedExternally=true，由认证平台负责第二因素。")
    @APIResponse(responseCode = "200", description = "状态")
    public Uni<StatusView> mySecondFactor() {
        return settings.status(callers.current()).map(StatusView::of);
    }

    @POST
    @Path("/me/second-factor/enrolment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Start binding an authenticator",
            description = "获取新密钥与二维码，用于首次启用（见习基地与青年可自愿启用）或更换手机（须提供当前验证码或恢复码，错误计入锁定次数）。"
                    + "确认前原身份验证器继续有效。")
    @APIResponse(responseCode = "200", description = "待绑定的密钥与二维码")
    @APIResponse(responseCode = "400", description = "已启用时缺少当前验证码或恢复码，或其不正确（含剩余次数）")
    @APIResponse(responseCode = "404", description = "外部身份认证模式下由认证平台管理")
    @APIResponse(responseCode = "423", description = "失败次数过多，账户已临时锁定")
    public Uni<EnrolmentView> startMyEnrolment(@Valid @NotNull(message = "请求体不能为空") SecondFactorProof request) {
        return settings.beginEnrolment(callers.current(), request.code(), request.recoveryCode()).map(EnrolmentView::of);
    }

    @POST
    @Path("/me/second-factor/enrolment/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Confirm the authenticator",
            description = "用新身份验证器的验证码确认绑定：新密钥取代原有的，并生成 10 个新恢复码（只返回这一次，原恢复码作废）。")
    @APIResponse(responseCode = "200", description = "已启用；新的恢复码")
    @APIResponse(responseCode = "400", description = "验证码不正确（含剩余次数）")
    @APIResponse(responseCode = "404", description = "外部身份认证模式下由认证平台管理")
    @APIResponse(responseCode = "409", description = "没有待确认的绑定")
    @APIResponse(responseCode = "423", description = "失败次数过多，账户已临时锁定")
    public Uni<RecoveryCodesView> confirmMyEnrolment(@Valid @NotNull(message = "请求体不能为空") SecondFactorCode request) {
        return settings.confirmEnrolment(callers.current(), request.code()).map(RecoveryCodesView::new);
    }

    @POST
    @Path("/me/second-factor/recovery-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Regenerate recovery codes",
            description = "凭当前验证码（或一个恢复码）重新生成 10 个恢复码，原恢复码全部作废。")
    @APIResponse(responseCode = "200", description = "新的恢复码（只返回这一次）")
    @APIResponse(responseCode = "400", description = "缺少验证码或恢复码，或其不正确（含剩余次数）")
    @APIResponse(responseCode = "404", description = "外部身份认证模式下由认证平台管理")
    @APIResponse(responseCode = "409", description = "尚未启用第二因素")
    @APIResponse(responseCode = "423", description = "失败次数过多，账户已临时锁定")
    public Uni<RecoveryCodesView> regenerateMyRecoveryCodes(@Valid @NotNull(message = "请求体不能为空") SecondFactorProof request) {
        return settings.regenerateRecoveryCodes(callers.current(), request.code(), request.recoveryCode()).map(RecoveryCodesView::new);
    }

    @POST
    @Path("/me/second-factor/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @ResponseStatus(204)
    @Operation(summary = "Switch the second factor off",
            description = "凭当前验证码（或一个恢复码）停用第二因素，密钥与恢复码一并删除。仅见习基地与青年可停用；管理人员返回 403。")
    @APIResponse(responseCode = "204", description = "已停用")
    @APIResponse(responseCode = "400", description = "缺少验证码或恢复码，或其不正确（含剩余次数）")
    @APIResponse(responseCode = "403", description = "管理人员必须使用第二因素")
    @APIResponse(responseCode = "404", description = "外部身份认证模式下由认证平台管理")
    @APIResponse(responseCode = "409", description = "尚未启用第二因素")
    @APIResponse(responseCode = "423", description = "失败次数过多，账户已临时锁定")
    public Uni<Void> disableMySecondFactor(@Valid @NotNull(message = "请求体不能为空") SecondFactorProof request) {
        return settings.disable(callers.current(), request.code(), request.recoveryCode());
    }

    @POST
    @Path("/users/{username}/second-factor/reset")
    @Authenticated
    @ResponseStatus(204)
    @Operation(summary = "Reset someone's second factor",
            description = "市人社局管理员为丢失手机的用户删除身份验证器与恢复码（记入审计）。管理人员下次登录时须重新绑定。")
    @APIResponse(responseCode = "204", description = "已重置")
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    @APIResponse(responseCode = "404", description = "账户不存在，或外部身份认证模式")
    @APIResponse(responseCode = "409", description = "该账户尚未绑定身份验证器")
    public Uni<Void> resetSecondFactor(@Parameter(description = "用户名") @PathParam("username") String username) {
        return settings.reset(callers.current(), username);
    }
}
