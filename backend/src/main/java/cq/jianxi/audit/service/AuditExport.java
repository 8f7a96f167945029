package cq.jianxi.audit.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.domain.ChainRow;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports the audit log as CSV for the city admin, streamed in keyset pages so no size limit cuts it
 * short: every row matching the filter up to the chain head at the start is written, and the count of
 * those rows is known before the first byte (the X-Total-Count header). Rows carry seq and hashes, so an
 * exported copy can be checked against the chain. The export is audited before it starts.
 */
@ApplicationScoped
public class AuditExport {

    static final int PAGE = 1000;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");
    private static final String HEADER = "序号,记录编号,时间,操作人,角色,动作代码,动作,对象类型,对象标识,详情,IP,前一条哈希,本条哈希\r\n";
    private static final String FILTER = """
            ($1::varchar is null or action = $1) and ($2::varchar is null or actor_username = $2)
            and ($3::timestamptz is null or at >= $3) and ($4::timestamptz is null or at < $4)""";

    @Inject
    Pool pool;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** Optional filters, as in the search; null means any. */
    public record Filter(String action, String actor, OffsetDateTime from, OffsetDateTime to) {
    }

    /** A started export: its file name, how many rows it will hold, and the rows as CSV chunks. */
    public record Export(String fileName, long rows, Multi<byte[]> body) {
    }

    public Uni<Export> export(Caller caller, Filter filter) {
        caller.requireRole(Role.CITY_ADMIN);
        new Checks().check(filter.from() == null || filter.to() == null || filter.from().isBefore(filter.to()),
                "to", "截止时间须晚于起始时间").throwIfAny();
        Filter f = new Filter(blankToNull(filter.action()), blankToNull(filter.actor()), filter.from(), filter.to());
        String name = "audit-" + FILE.format(clock.now().atZoneSameInstant(AppClock.ZONE)) + ".csv";
        return Panache.withTransaction(() -> audit.record(caller, AuditAction.AUDIT_EXPORTED, "audit_event", null, describe(f)))
                .flatMap(v -> pool.preparedQuery("select c.head_seq, (select count(*) from audit_event where seq <= c.head_seq and "
                                + FILTER + ") from audit_chain c where c.id = 1")
                        .execute(Tuple.of(f.action(), f.actor(), f.from(), f.to())))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    long head = r.getLong(0);
                    return new Export(name, r.getLong(1), body(f, head));
                });
    }

    private Multi<byte[]> body(Filter f, long head) {
        Multi<byte[]> pages = Multi.createBy().repeating()
                .uni(() -> new long[]{0L}, after -> page(f, after[0], head).invoke(rows -> {
                    if (!rows.isEmpty()) {
                        after[0] = rows.get(rows.size() - 1).seq();
                    }
                }))
                .until(List::isEmpty)
                .map(AuditExport::csv);
        // A byte-order mark so that Excel opens the UTF-8 file with its Chinese intact.
        byte[] header = ("\uFEFF" + HEADER).getBytes(StandardCharsets.UTF_8);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(header), pages);
    }

    private Uni<List<ChainRow>> page(Filter f, long after, long head) {
        return pool.preparedQuery("select " + ChainRow.COLUMNS + " from audit_event where " + FILTER
                        + " and seq > $5 and seq <= $6 order by seq limit $7")
                .execute(Tuple.from(java.util.Arrays.asList(f.action(), f.actor(), f.from(), f.to(), after, head, PAGE)))
                .map(rows -> {
                    List<ChainRow> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(AuditIntegrity.row(r)));
                    return out;
                });
    }

    static byte[] csv(List<ChainRow> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 200);
        for (ChainRow r : rows) {
            b.append(r.seq()).append(',').append(r.id()).append(',')
                    .append(AT.format(r.at().atZoneSameInstant(AppClock.ZONE))).append(',');
            cell(b, r.actorUsername());
            cell(b, r.actorRole());
            cell(b, r.action());
            cell(b, AuditAction.labelOf(r.action()));
            cell(b, r.targetType());
            cell(b, r.targetId());
            cell(b, r.detail());
            cell(b, r.ip());
            cell(b, r.prevHash());
            b.append(r.hash()).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quotes when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
    static void cell(StringBuilder b, String value) {
        if (value != null) {
            String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        b.append(',');
    }

    private static String describe(Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.action() != null) {
            parts.add("动作=" + f.action());
        }
        if (f.actor() != null) {
            parts.add("操作人=" + f.actor());
        }
        if (f.from() != null) {
            parts.add("起=" + f.from());
        }
        if (f.to() != null) {
            parts.add("止=" + f.to());
        }
        return parts.isEmpty() ? "全部记录" : String.join("，", parts);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
