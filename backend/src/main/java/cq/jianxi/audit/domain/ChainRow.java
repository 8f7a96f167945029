package cq.jianxi.audit.domain;

import java.time.OffsetDateTime;

/** An audit row as the chain sees it: every hashed field, its link to the previous row and its own hash. */
public record ChainRow(long seq, long id, OffsetDateTime at, Long actorUserId, String actorUsername, String actorRole,
                       String action, String targetType, String targetId, String detail, String ip,
                       String prevHash, String hash) {

    /** The columns of audit_event in the order {@code of} reads them, for the queries that walk the chain. */
    public static final String COLUMNS = "seq, id, at, actor_user_id, actor_username, actor_role, action, target_type,"
            + " target_id, detail, ip, prev_hash, hash";
}
