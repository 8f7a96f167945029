package cq.jianxi.organization.repository;

/** Escapes user text for a LIKE pattern so % and _ match themselves. */
public final class Likes {
    private Likes() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
