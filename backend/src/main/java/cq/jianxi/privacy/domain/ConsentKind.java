package cq.jianxi.privacy.domain;

/** What a young person consents to; each kind has its own versioned text. */
public enum ConsentKind {
    /** PIPL art. 29: separate consent to processing sensitive personal information (ID number, hardship category). */
    SENSITIVE_PERSONAL_INFO("敏感个人信息处理单独同意");

    private final String label;

    ConsentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
