package cq.jianxi.identity.domain;

/** What a login challenge allows after the password: checking the second factor, or binding one first. */
public enum ChallengePurpose {
    /** The account has an authenticator app: the next step is its code or a recovery code. */
    VERIFY,
    /** Staff without an authenticator app: the only way on is to bind one. */
    ENROL
}
