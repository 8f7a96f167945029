package cq.jianxi.common.validation;

/** The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters, the last a check character. */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Null when valid, else the reason in Chinese. */
    public static String problem(String code) {
        if (code == null || code.isBlank()) {
            return "请填写统一社会信用代码";
        }
        if (code.length() != 18) {
            return "统一社会信用代码应为 18 位";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return "统一社会信用代码第 " + (i + 1) + " 位“" + code.charAt(i) + "”不是合法字符";
            }
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return "统一社会信用代码校验位不正确";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** Upper-cases and trims what people type or paste. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
