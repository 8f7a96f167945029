package cq.jianxi.organization.domain;

/** An employer's registration status as market regulation reports it (经营状态). */
public enum OperatingStatus {
    EXISTING("存续"), OPERATING("在业"), REVOKED("吊销"), DEREGISTERED("注销"), MOVED_OUT("迁出");

    private final String label;

    OperatingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A revoked or deregistered employer may not publish positions. */
    public boolean deregistered() {
        return this == REVOKED || this == DEREGISTERED;
    }
}
