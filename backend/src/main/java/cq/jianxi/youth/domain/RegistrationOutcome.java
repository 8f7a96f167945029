package cq.jianxi.youth.domain;

/**
 * What became of a verified registration. Never returned to the anonymous caller (whose answer is
 * always the same); it decides the text message sent to the verified phone.
 */
public enum RegistrationOutcome {
    /** A new record and account. */
    CREATED,
    /** A roster record whose phone is the verified one: claimed at once. */
    CLAIMED,
    /** A roster record with another phone (or name): the district confirms first. */
    CLAIM_PENDING,
    /** The ID number already has an account: nothing changed. */
    ID_REGISTERED,
    /** The username is in use: nothing created. */
    USERNAME_TAKEN
}
