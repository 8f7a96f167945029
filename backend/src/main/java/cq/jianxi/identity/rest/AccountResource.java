package cq.jianxi.identity.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.service.AccountAdminService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.OffsetDateTime;
import java.util.List;

/** Account administration: list, create staff, disable/enable, reset a password, set the reset phone. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "账户管理")
public class AccountResource {

    @Inject
    AccountAdminService admin;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Page the managed accounts",
            description = "市人社局管理员查看全部账户；区县管理员查看本区县见习基地的账户。其他角色 403。")
    @APIResponse(responseCode = "200", description = "一页账户")
    @APIResponse(responseCode = "403", description = "无权管理账户")
    public Uni<AccountPage> searchAccounts(
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "按角色过滤") @QueryParam("role") Role role,
            @Parameter(description = "用户名或名称包含") @QueryParam("q") String q) {
        return admin.search(callers.current(), role, q, page, size)
                .map(p -> new AccountPage(p.items().stream().map(this::view).toList(), p.total(), p.page(), p.size()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Create a staff account",
            description = "市人社局管理员创建市级管理员、区县管理员或市级部门账户。返回一次性临时密码（仅此一次显示），首次登录须修改密码。")
    @APIResponse(responseCode = "201", description = "已创建",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = CreatedAccount.class)))
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    @APIResponse(responseCode = "409", description = "用户名已被使用")
    public Uni<CreatedAccount> createStaffAccount(@Valid @NotNull(message = "请求体不能为空") CreateStaffRequest request) {
        return admin.createStaff(callers.current(), request.username(), request.displayName(), request.role(),
                        request.regionCode(), request.departmentCode(), request.phone())
                .map(c -> new CreatedAccount(view(c.account()), c.temporaryPassword()));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable an account",
            description = "停用账户：该账户的所有会话立即结束（含数据推送流），此后无法登录。不能停用自己。")
    @APIResponse(responseCode = "200", description = "已停用")
    @APIResponse(responseCode = "404", description = "账户不存在或不在管理范围内")
    @APIResponse(responseCode = "409", description = "不能停用自己")
    public Uni<AccountView> disableAccount(@PathParam("id") long id) {
        return admin.setEnabled(callers.current(), id, false).map(this::view);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable an account", description = "重新启用已停用的账户。")
    @APIResponse(responseCode = "200", description = "已启用")
    @APIResponse(responseCode = "404", description = "账户不存在或不在管理范围内")
    @APIResponse(responseCode = "409", description = "不能操作自己")
    public Uni<AccountView> enableAccount(@PathParam("id") long id) {
        return admin.setEnabled(callers.current(), id, true).map(this::view);
    }

    @POST
    @Path("/{id}/password-reset")
    @Operation(summary = "Reset an account's password",
            description = "管理员重置密码：生成一次性临时密码（仅此一次返回），该账户的所有会话立即结束，下次登录须先修改密码。不能重置自己的密码。")
    @APIResponse(responseCode = "200", description = "已重置，返回临时密码")
    @APIResponse(responseCode = "404", description = "账户不存在或不在管理范围内")
    @APIResponse(responseCode = "409", description = "不能重置自己的密码")
    public Uni<CreatedAccount> resetAccountPassword(@PathParam("id") long id) {
        return admin.resetPassword(callers.current(), id).map(c -> new CreatedAccount(view(c.account()), c.temporaryPassword()));
    }

    @PUT
    @Path("/{id}/phone")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an account's phone", description = "设置找回密码时接收验证码的手机号。")
    @APIResponse(responseCode = "200", description = "已设置")
    @APIResponse(responseCode = "404", description = "账户不存在或不在管理范围内")
    public Uni<AccountView> setAccountPhone(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") PhoneRequest request) {
        return admin.setPhone(callers.current(), id, request.phone()).map(this::view);
    }

    private AccountView view(UserAccount a) {
        return new AccountView(a.id, a.username, a.displayName, a.role, a.role.label(), a.regionCode, a.departmentCode,
                a.baseId, a.enabled, a.mustChangePassword, a.createdAt, a.passwordChangedAt, admin.maskedPhone(a));
    }

    @Schema(name = "AccountView", description = "一个账户（手机号已遮蔽）")
    public record AccountView(
            @Schema(description = "账户编号", required = true) long id,
            @Schema(description = "用户名", required = true) String username,
            @Schema(description = "显示名称", required = true) String displayName,
            @Schema(description = "角色", required = true) Role role,
            @Schema(description = "角色中文名称", required = true) String roleLabel,
            @Schema(description = "区县代码", nullable = true) String regionCode,
            @Schema(description = "市级部门代码", nullable = true) String departmentCode,
            @Schema(description = "见习基地编号", nullable = true) Long baseId,
            @Schema(description = "是否启用", required = true) boolean enabled,
            @Schema(description = "下次登录须修改密码", required = true) boolean mustChangePassword,
            @Schema(description = "创建时间", required = true) OffsetDateTime createdAt,
            @Schema(description = "密码最近修改时间", required = true) OffsetDateTime passwordChangedAt,
            @Schema(description = "找回密码手机号（遮蔽，仅后 4 位）", nullable = true) String phoneMasked) {
    }

    @Schema(name = "AccountPage", description = "账户分页结果")
    public record AccountPage(
            @Schema(description = "本页账户", required = true) List<AccountView> items,
            @Schema(description = "符合条件的总条数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @Schema(name = "CreatedAccount", description = "账户及其一次性临时密码")
    public record CreatedAccount(
            @Schema(description = "账户", required = true) AccountView account,
            @Schema(description = "临时密码：仅此一次返回，请通过线下渠道交给本人", required = true) String temporaryPassword) {
    }

    @Schema(name = "CreateStaffRequest", description = "创建管理人员账户")
    public record CreateStaffRequest(
            @Schema(description = "用户名：4–64 位字母、数字或 _ . @ -", required = true, pattern = cq.jianxi.common.validation.Formats.USERNAME) @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @Schema(description = "显示名称", required = true) @NotBlank(message = "请输入名称") @Size(max = 64, message = "名称过长") String displayName,
            @Schema(description = "角色：CITY_ADMIN、DISTRICT_ADMIN 或 DEPARTMENT", required = true) @NotNull(message = "请选择角色") Role role,
            @Schema(description = "区县代码（区县管理员必填）", nullable = true) @Size(max = 16) String regionCode,
            @Schema(description = "市级部门代码（部门账户必填）", nullable = true) @Size(max = 8) String departmentCode,
            @Schema(description = "找回密码手机号", nullable = true, pattern = "^1[3-9]\\d{9}$") @Pattern(regexp = "^1[3-9]\\d{9}$", message = "请填写 11 位手机号") String phone) {
    }

    @Schema(name = "PhoneRequest", description = "手机号")
    public record PhoneRequest(
            @Schema(description = "11 位手机号", required = true, pattern = "^1[3-9]\\d{9}$") @NotBlank(message = "请填写手机号") @Pattern(regexp = "^1[3-9]\\d{9}$", message = "请填写 11 位手机号") String phone) {
    }
}
