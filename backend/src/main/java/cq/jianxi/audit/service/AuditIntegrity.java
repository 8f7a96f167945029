package cq.jianxi.audit.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.domain.ChainRow;
import cq.jianxi.audit.domain.ChainVerifier;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;

/**
 * Verifies the audit chain for the city admin: one read-only, repeatable-read transaction, so the walk
 * sees one consistent log while writers go on appending (rows after the head read at the start are not
 * part of this check), in keyset pages. The check itself is audited.
 */
@ApplicationScoped
public class AuditIntegrity {

    static final int PAGE = 1000;

    @Inject
    Pool pool;
    @Inject
    AuditService audit;
    @Inject
    AuditRetention retention;
    @Inject
    AppClock clock;

    /** A check's outcome, when it ran, and the retention that bounds the log's start. */
    public record Verification(ChainVerifier.Result result, OffsetDateTime verifiedAt, long retentionDays) {
    }

    public Uni<Verification> verify(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN);
        OffsetDateTime started = clock.now();
        return verifyChain().call(result -> Panache.withTransaction(() -> audit.record(caller, AuditAction.AUDIT_VERIFIED,
                        "audit_event", null, describe(result))))
                .map(result -> new Verification(result, started, retention.retention().toDays()));
    }

    /** The walk, unaudited: for the verification endpoint and the tests. */
    public Uni<ChainVerifier.Result> verifyChain() {
        return pool.withTransaction(conn -> conn.query("set transaction isolation level repeatable read, read only").execute()
                .flatMap(v -> conn.query("select anchor_seq, anchor_hash, head_seq, head_hash from audit_chain where id = 1").execute())
                .flatMap(rows -> {
                    Row c = rows.iterator().next();
                    long head = c.getLong("head_seq");
                    ChainVerifier verifier = new ChainVerifier(c.getLong("anchor_seq"), c.getString("anchor_hash"),
                            head, c.getString("head_hash"));
                    return walk(conn, verifier, c.getLong("anchor_seq"), head);
                }));
    }

    private Uni<ChainVerifier.Result> walk(SqlConnection conn, ChainVerifier verifier, long after, long head) {
        return conn.preparedQuery("select " + ChainRow.COLUMNS + " from audit_event where seq > $1 and seq <= $2 order by seq limit $3")
                .execute(Tuple.of(after, head, PAGE)).flatMap(rows -> {
                    long last = after;
                    for (Row r : rows) {
                        ChainRow row = row(r);
                        last = row.seq();
                        if (!verifier.accept(row)) {
                            return Uni.createFrom().item(verifier.finish());
                        }
                    }
                    return rows.size() < PAGE ? Uni.createFrom().item(verifier.finish()) : walk(conn, verifier, last, head);
                });
    }

    static ChainRow row(Row r) {
        return new ChainRow(r.getLong("seq"), r.getLong("id"), r.getOffsetDateTime("at"), r.getLong("actor_user_id"),
                r.getString("actor_username"), r.getString("actor_role"), r.getString("action"), r.getString("target_type"),
                r.getString("target_id"), r.getString("detail"), r.getString("ip"), r.getString("prev_hash"), r.getString("hash"));
    }

    static String describe(ChainVerifier.Result result) {
        if (result.intact()) {
            return "完整：校验 " + result.checkedRows() + " 条（序号 " + (result.anchorSeq() + 1) + "–" + result.headSeq() + "）";
        }
        return "发现异常：序号 " + result.broken().seq() + "，" + result.broken().problem().label();
    }
}
