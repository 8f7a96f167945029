package cq.jianxi.identity.domain;

/** What a one-time code proves control of a phone for. */
public enum CodePurpose {
    REGISTRATION, PASSWORD_RESET
}
