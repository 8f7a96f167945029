package cq.jianxi.identity.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the login API. */
public final class AuthDtos {

    private AuthDtos() {
    }

    @Schema(name = "LoginRequest", description = "登录请求")
    public record LoginRequest(
            @Schema(description = "用户名", required = true, examples = "admin") @NotBlank(message = "请输入用户名") @Size(max = 64, message = "用户名过长") String username,
            @Schema(description = "密码", required = true) @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码过长") String password) {
    }

    @Schema(name = "LoginResponse", description = "登录或续期成功后返回的访问令牌")
    public record LoginResponse(
            @Schema(description = "RS256 签名的 JWT 访问令牌", required = true) String accessToken,
            @Schema(description = "令牌类型，固定为 Bearer", required = true) String tokenType,
            @Schema(description = "有效期（秒）；活跃用户在到期前调用续期接口", required = true) long expiresIn,
            @Schema(description = "当前用户", required = true) UserView user) {
    }

    @Schema(name = "ChangePasswordRequest", description = "修改密码请求")
    public record ChangePasswordRequest(
            @Schema(description = "当前密码", required = true) @NotBlank(message = "请输入当前密码") String currentPassword,
            @Schema(description = "新密码：至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类", required = true) @NotBlank(message = "请输入新密码") String newPassword) {
    }
}
