package cq.jianxi.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import cq.jianxi.identity.service.SecondFactorCodes.Enrolment;
import cq.jianxi.identity.service.SecondFactorSettingsService.Status;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the second factor (TOTP) API. */
public final class SecondFactorDtos {

    static final String CODE_PATTERN = "\\d{6}";
    static final String CODE_MESSAGE = "验证码为 6 位数字";

    private SecondFactorDtos() {
    }

    @Schema(name = "SecondFactorLoginRequest", description = "登录第二步：票据加验证码或恢复码（二选一）")
    public record SecondFactorLoginRequest(
            @Schema(description = "登录接口返回的 challenge", required = true) @NotBlank(message = "缺少登录验证票据") @Size(max = 128, message = "登录验证票据不正确") String challenge,
            @Schema(description = "身份验证器显示的 6 位验证码", examples = "123456") @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE) String code,
            @Schema(description = "恢复码（手机不在身边时使用，每个只能用一次）", examples = "ABCDE-FGHJK") @Size(max = 32, message = "恢复码不正确") String recoveryCode) {
    }

    @Schema(name = "EnrolmentChallengeRequest", description = "登录时绑定身份验证器：登录接口返回的票据")
    public record EnrolmentChallengeRequest(
            @Schema(description = "登录接口返回的 challenge（status=ENROLMENT_REQUIRED）", required = true) @NotBlank(message = "缺少登录验证票据") @Size(max = 128, message = "登录验证票据不正确") String challenge) {
    }

    @Schema(name = "EnrolmentConfirmLoginRequest", description = "登录时确认绑定：票据加新身份验证器显示的验证码")
    public record EnrolmentConfirmLoginRequest(
            @Schema(description = "登录接口返回的 challenge", required = true) @NotBlank(message = "缺少登录验证票据") @Size(max = 128, message = "登录验证票据不正确") String challenge,
            @Schema(description = "新绑定的身份验证器显示的 6 位验证码", required = true) @NotBlank(message = "请输入验证码") @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE) String code) {
    }

    @Schema(name = "SecondFactorProof", description = "当前身份验证器的验证码或一个恢复码（二选一）；首次绑定时可为空")
    public record SecondFactorProof(
            @Schema(description = "当前身份验证器的 6 位验证码") @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE) String code,
            @Schema(description = "恢复码（用后作废）") @Size(max = 32, message = "恢复码不正确") String recoveryCode) {
    }

    @Schema(name = "SecondFactorCode", description = "身份验证器的验证码")
    public record SecondFactorCode(
            @Schema(description = "6 位验证码", required = true) @NotBlank(message = "请输入验证码") @Pattern(regexp = CODE_PATTERN, message = CODE_MESSAGE) String code) {
    }

    @Schema(name = "SecondFactorEnrolment", description = "待绑定的身份验证器密钥：扫描二维码或手动输入密钥，再用其验证码确认。密钥只在此时返回")
    public record EnrolmentView(
            @Schema(description = "Base32 密钥（手动输入用）", required = true) String secret,
            @Schema(description = "otpauth:// 地址（二维码内容）", required = true) String otpauthUri,
            @Schema(description = "二维码图片（SVG data URI），可直接用作 img 的 src", required = true) String qrCode,
            @Schema(description = "签发方名称", required = true) String issuer,
            @Schema(description = "账户名称", required = true) String accountName,
            @Schema(description = "算法，固定为 SHA1", required = true) String algorithm,
            @Schema(description = "验证码位数，固定为 6", required = true) int digits,
            @Schema(description = "验证码周期（秒），固定为 30", required = true) int period) {

        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.secret(), e.otpauthUri(), e.qrCode(), e.issuer(), e.accountName(), "SHA1", 6, 30);
        }
    }

    @Schema(name = "RecoveryCodes", description = "新的恢复码：只显示这一次，请下载或抄写保存；此前的恢复码全部作废")
    public record RecoveryCodesView(
            @Schema(description = "10 个一次性恢复码", required = true) List<String> recoveryCodes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SecondFactorStatus", description = "当前账户的第二因素（身份验证器）状态")
    public record StatusView(
            @Schema(description = "true：由外部统一身份认证平台负责第二因素（本平台不保存密钥）", required = true) boolean managedExternally,
            @Schema(description = "true：当前角色必须使用第二因素登录（市、区县管理员与市级部门用户）", required = true) boolean required,
            @Schema(description = "已绑定并启用身份验证器", required = true) boolean enabled,
            @Schema(description = "启用时间") OffsetDateTime enabledAt,
            @Schema(description = "剩余可用的恢复码个数", required = true) long remainingRecoveryCodes,
            @Schema(description = "有一个尚未确认的绑定", required = true) boolean enrolmentPending) {

        static StatusView of(Status s) {
            return new StatusView(s.managedExternally(), s.required(), s.enabled(), s.enabledAt(), s.remainingRecoveryCodes(),
                    s.enrolmentPending());
        }
    }
}
