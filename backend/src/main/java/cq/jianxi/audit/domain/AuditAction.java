package cq.jianxi.audit.domain;

/** The audited actions; the name is stored, the label is what the governance terminal shows. */
public enum AuditAction {
    LOGIN_SUCCEEDED("登录成功"),
    LOGIN_FAILED("登录失败"),
    LOGIN_LOCKED("登录被锁定"),
    LOGOUT("退出登录"),
    TOKEN_REFRESHED("续期会话"),
    PASSWORD_CHANGED("修改密码"),
    PLAN_IMPORTED("导入年度计划"),
    PERSONAL_DATA_VIEWED("查看完整个人信息");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
