package cq.jianxi.identity.domain;

/** Why a session ended before its time (auth_session.ended_reason). */
public enum SessionEndReason {
    LOGOUT, PASSWORD_CHANGED, PASSWORD_RESET, ACCOUNT_DISABLED, BASE_REVOKED, ACCOUNT_CLOSED
}
