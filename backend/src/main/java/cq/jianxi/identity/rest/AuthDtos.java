package cq.jianxi.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Request and response bodies of the login API. */
public final class AuthDtos {

    private AuthDtos() {
    }

    @Schema(name = "LoginRequest", description = "登录请求")
    public record LoginRequest(
            @Schema(description = "用户名", required = true, examples = "admin") @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @Schema(description = "密码", required = true) @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码过长") String password) {
    }

    /** Where a login stands after this call. */
    @Schema(name = "LoginStatus", description = "登录进度：AUTHENTICATED 已登录（含访问令牌）；SECOND_FACTOR_REQUIRED 密码正确，"
            + "还需身份验证器验证码或恢复码；ENROLMENT_REQUIRED 密码正确，管理人员须先绑定身份验证器")
    public enum LoginStatus { AUTHENTICATED, SECOND_FACTOR_REQUIRED, ENROLMENT_REQUIRED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LoginResponse", description = "登录或续期的结果：已登录时返回访问令牌；需要第二因素时只返回一次性的登录验证票据（challenge），不含令牌")
    public record LoginResponse(
            @Schema(description = "登录进度", required = true) LoginStatus status,
            @Schema(description = "RS256 签名的 JWT 访问令牌（仅 AUTHENTICATED）") String accessToken,
            @Schema(description = "令牌类型，固定为 Bearer（仅 AUTHENTICATED）") String tokenType,
            @Schema(description = "令牌有效期（秒）；活跃用户在到期前调用续期接口（仅 AUTHENTICATED）") Long expiresIn,
            @Schema(description = "当前用户（仅 AUTHENTICATED）") UserView user,
            @Schema(description = "登录验证票据：提交验证码（或绑定身份验证器）时原样带回；一次性，数分钟内有效（仅 SECOND_FACTOR_REQUIRED、ENROLMENT_REQUIRED）") String challenge,
            @Schema(description = "登录验证票据的有效期（秒）") Long challengeExpiresIn,
            @Schema(description = "恢复码（仅在绑定身份验证器完成时返回一次，服务器只保存其散列）") List<String> recoveryCodes,
            @Schema(description = "为 true 时密码已过期（管理人员每 90 天须更换）或已被管理员重置：本会话只能修改密码、查看本人信息或退出，其他接口返回 403（仅 AUTHENTICATED）") Boolean passwordChangeRequired) {

        public static LoginResponse authenticated(String accessToken, long expiresIn, UserView user, boolean passwordChangeRequired) {
            return new LoginResponse(LoginStatus.AUTHENTICATED, accessToken, "Bearer", expiresIn, user, null, null, null,
                    passwordChangeRequired);
        }

        public static LoginResponse challenged(LoginStatus status, String challenge, long challengeExpiresIn) {
            return new LoginResponse(status, null, null, null, null, challenge, challengeExpiresIn, null, null);
        }

        public LoginResponse withRecoveryCodes(List<String> codes) {
            return new LoginResponse(status, accessToken, tokenType, expiresIn, user, challenge, challengeExpiresIn, codes,
                    passwordChangeRequired);
        }
    }

    @Schema(name = "PasswordResetRequest", description = "找回密码：向账户登记的手机号发送验证码")
    public record PasswordResetRequest(
            @Schema(description = "用户名", required = true) @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username) {
    }

    @Schema(name = "PasswordResetConfirmation", description = "找回密码：凭验证码设置新密码")
    public record PasswordResetConfirmation(
            @Schema(description = "用户名", required = true) @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @Schema(description = "短信验证码（6 位数字）", required = true, pattern = "^\\d{6}$") @NotBlank(message = "请输入验证码") @Pattern(regexp = "\\d{6}", message = "验证码为 6 位数字") String code,
            @Schema(description = "新密码：至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；不能与最近 5 次用过的密码（含当前密码）相同", required = true) @NotBlank(message = "请输入新密码") @Size(min = 8, max = 72, message = "密码须为 8–72 位") String newPassword) {
    }

    @Schema(name = "VerificationCodeRequest", description = "注册前验证手机号：发送短信验证码")
    public record VerificationCodeRequest(
            @Schema(description = "11 位手机号", required = true, pattern = "^1[3-9]\\d{9}$") @NotBlank(message = "请填写手机号") @Pattern(regexp = "^1[3-9]\\d{9}$", message = "请填写 11 位手机号") String phone) {
    }

    @Schema(name = "Accepted", description = "请求已受理（不说明账户或号码是否存在）")
    public record Accepted(
            @Schema(description = "提示", required = true) String message) {
    }

    @Schema(name = "ChangePasswordRequest", description = "修改密码请求")
    public record ChangePasswordRequest(
            @Schema(description = "当前密码", required = true) @NotBlank(message = "请输入当前密码") String currentPassword,
            @Schema(description = "新密码：至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；不能与最近 5 次用过的密码（含当前密码）相同", required = true) @NotBlank(message = "请输入新密码") @Size(min = 8, max = 72, message = "密码须为 8–72 位") String newPassword) {
    }
}
