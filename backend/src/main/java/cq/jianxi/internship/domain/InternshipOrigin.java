package cq.jianxi.internship.domain;

/** Where an internship record came from: the online workflow, a district's offline entry, or the previous system. */
public enum InternshipOrigin {
    ONLINE, OFFLINE, MIGRATED
}
