package cq.jianxi.common.crypto;

/** Masks personal data for responses that do not ask (and are not entitled) to see it in full. */
public final class Masking {

    private Masking() {
    }

    /** 13812345678 → 138****5678. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** Resident ID: first 6 and last 4 characters stay visible. */
    public static String idNumber(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() <= 10) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }
}
