package cq.jianxi.youth.domain;

/** A roster claim awaiting, or after, the district's confirmation. */
public enum ClaimStatus {
    PENDING, CONFIRMED, REJECTED
}
