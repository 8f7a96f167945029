package cq.jianxi.identity.service;

import java.util.Optional;

/**
 * At least 8 characters drawn from at least 3 of: lower case, upper case, digits, symbols; and never the
 * demo accounts' password, which the README publishes.
 */
public final class PasswordPolicy {

    /** The demo accounts' default password (JIANXI_DEMO_PASSWORD overrides it); published, so never a real one. */
    public static final String DEMO_PASSWORD = "Jianxi@2023";

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 72; // bcrypt ignores bytes past 72

    private PasswordPolicy() {
    }

    /** The reason the password is refused, in Chinese, or empty when it is acceptable. */
    public static Optional<String> check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 位");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of("密码过长（最多 " + MAX_LENGTH + " 字节）");
        }
        if (password.equals(DEMO_PASSWORD)) {
            return Optional.of("该密码是公开的演示密码，请换一个");
        }
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return classes >= 3 ? Optional.empty()
                : Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少 3 类");
    }
}
