package cq.jianxi.privacy.readmodel;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.common.crypto.Masking;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.time.AppClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads what the platform holds about one young person across the contexts that hold it (registry,
 * identity, applications, internships, subsidies, activities, matching, notifications, audit, privacy),
 * for their download and for the staff's view of deletion requests. Read-only by design, like the report
 * read model (ADR 0006): the one place in privacy that reads other contexts' tables. Statements run one
 * after another on one connection inside a read-only repeatable-read transaction, so the download is one
 * consistent picture.
 */
@ApplicationScoped
public class PersonalDataReadModel {

    static final String NOTICE = "本文件为重庆市就业见习服务平台保存的关于您本人的全部信息（依据《个人信息保护法》第四十五条）。"
            + "身份证号和手机号为完整值，请妥善保管本文件。审计记录中工作人员的操作只显示其角色。";

    @Inject
    Pool pool;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    AppClock clock;

    /** A young person as staff handling their deletion request see them: the ID number masked. */
    public record Subject(long youthId, String name, String maskedIdNumber, String regionCode, String regionName) {
    }

    public Uni<Subject> subject(long youthId) {
        return subjects(List.of(youthId)).map(m -> m.get(youthId));
    }

    public Uni<Map<Long, Subject>> subjects(Collection<Long> youthIds) {
        if (youthIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                        select y.id, y.name, y.id_number_enc, y.region_code, r.short_name
                        from youth y left join region r on r.code = y.region_code where y.id = any($1)""")
                .execute(Tuple.of(youthIds.toArray(Long[]::new))).map(rows -> {
                    Map<Long, Subject> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getLong(0), new Subject(r.getLong(0), r.getString(1),
                            Masking.idNumber(cipher.decrypt(r.getString(2))), r.getString(3), r.getString(4))));
                    return out;
                });
    }

    /** Internships that have not ended: while one runs the person cannot leave the platform. */
    public Uni<Long> runningInternships(long youthId) {
        return pool.preparedQuery("select count(*) from internship where youth_id = $1 and state in ('PENDING', 'SIGNED', 'ON_POST')")
                .execute(Tuple.of(youthId)).map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<PersonalData> export(long youthId) {
        return pool.withTransaction(conn -> conn.query("set transaction isolation level repeatable read, read only").execute()
                .flatMap(v -> export(conn, youthId)));
    }

    private Uni<PersonalData> export(SqlConnection conn, long youthId) {
        Tuple id = Tuple.of(youthId);
        Map<String, RowSet<Row>> r = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> q : QUERIES.entrySet()) {
            chain = chain.flatMap(v -> conn.preparedQuery(q.getValue()).execute(id).invoke(rows -> r.put(q.getKey(), rows)).replaceWithVoid());
        }
        return chain.map(v -> assemble(r));
    }

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("profile", """
                select y.*, r.short_name as region_name from youth y left join region r on r.code = y.region_code where y.id = $1""");
        QUERIES.put("account", "select id, username, display_name, created_at, enabled from user_account where youth_id = $1");
        QUERIES.put("consents", """
                select c.kind, c.text_version, t.title, c.accepted_at, c.ip from consent_record c
                join consent_text t on t.version = c.text_version where c.youth_id = $1 order by c.accepted_at, c.id""");
        QUERIES.put("applications", """
                select a.id, p.title, b.name, a.status, a.interview_at, a.interview_place, a.reject_reason, a.created_at, a.updated_at
                from application a join position p on p.id = a.position_id join base b on b.id = p.base_id
                where a.youth_id = $1 order by a.created_at, a.id""");
        QUERIES.put("internships", """
                select i.*, p.title, b.name as base_name from internship i join position p on p.id = i.position_id
                join base b on b.id = i.base_id where i.youth_id = $1 order by i.start_date, i.id""");
        QUERIES.put("months", """
                select m.* from internship_month m join internship i on i.id = m.internship_id
                where i.youth_id = $1 order by m.internship_id, m.month""");
        QUERIES.put("followUps", """
                select f.* from internship_follow_up f join internship i on i.id = f.internship_id
                where i.youth_id = $1 order by f.internship_id, f.months""");
        QUERIES.put("claims", """
                select c.* from subsidy_claim c join internship i on i.id = c.internship_id
                where i.youth_id = $1 order by c.month, c.id""");
        QUERIES.put("disbursements", """
                select d.claim_id, d.paid_on, d.amount, d.funding_level from disbursement d
                join subsidy_claim c on c.id = d.claim_id join internship i on i.id = c.internship_id
                where i.youth_id = $1 order by d.paid_on, d.id""");
        QUERIES.put("signups", """
                select a.id, a.title, a.kind, a.held_on, g.created_at from activity_signup g join activity a on a.id = g.activity_id
                where g.youth_id = $1 order by a.held_on, a.id""");
        QUERIES.put("services", """
                select s.kind, p.title, s.note, s.region_code, s.served_at from service_record s
                left join position p on p.id = s.position_id where s.youth_id = $1 order by s.served_at, s.id""");
        QUERIES.put("notifications", "select title, body, link, created_at, read_at from notification where youth_id = $1 order by created_at, id");
        QUERIES.put("deletions", """
                select id, status, reason, requested_at, decided_at, reject_reason from deletion_request
                where youth_id = $1 order by requested_at, id""");
        // Their own actions, and others' actions on their record: two index scans (actor name, target), not one filter.
        QUERIES.put("audit", """
                with me as (select id, username from user_account where youth_id = $1)
                select x.at, x.action, x.actor_role, x.detail, x.ip, x.by_me from (
                  select e.seq, e.at, e.action, e.actor_role, e.detail, e.ip, true as by_me
                  from audit_event e join me on e.actor_username = me.username and e.actor_user_id = me.id
                  union all
                  select e.seq, e.at, e.action, e.actor_role, e.detail, e.ip, false
                  from audit_event e where e.target_type = 'youth' and e.target_id = $1::text
                    and e.actor_user_id is distinct from (select id from me)
                ) x order by x.seq""");
    }

    private PersonalData assemble(Map<String, RowSet<Row>> r) {
        PersonalData.Profile profile = list(r.get("profile"), this::profile).stream().findFirst().orElse(null);
        PersonalData.Account account = list(r.get("account"), a -> new PersonalData.Account(a.getString("username"),
                a.getString("display_name"), a.getOffsetDateTime("created_at"), a.getBoolean("enabled"))).stream().findFirst().orElse(null);
        Map<Long, List<PersonalData.Month>> months = group(r.get("months"), "internship_id", m -> new PersonalData.Month(
                m.getLocalDate("month"), m.getInteger("days_present"), m.getOffsetDateTime("base_confirmed_at"),
                m.getOffsetDateTime("youth_confirmed_at"), m.getOffsetDateTime("youth_flagged_at"), m.getString("youth_flag_reason")));
        Map<Long, List<PersonalData.FollowUp>> followUps = group(r.get("followUps"), "internship_id", f -> new PersonalData.FollowUp(
                f.getInteger("months"), f.getBoolean("employed"), f.getString("note"), f.getOffsetDateTime("recorded_at")));
        Map<Long, List<PersonalData.Disbursement>> paid = group(r.get("disbursements"), "claim_id", d -> new PersonalData.Disbursement(
                d.getLocalDate("paid_on"), d.getBigDecimal("amount"), d.getString("funding_level")));
        return new PersonalData(clock.now(), NOTICE, profile, account,
                list(r.get("consents"), c -> new PersonalData.Consent(c.getString(0), c.getString(1), c.getString(2),
                        c.getOffsetDateTime(3), c.getString(4))),
                list(r.get("applications"), a -> new PersonalData.Application(a.getLong(0), a.getString(1), a.getString(2),
                        a.getString(3), a.getOffsetDateTime(4), a.getString(5), a.getString(6), a.getOffsetDateTime(7), a.getOffsetDateTime(8))),
                list(r.get("internships"), i -> new PersonalData.Internship(i.getLong("id"), i.getString("title"), i.getString("base_name"),
                        i.getString("region_code"), i.getString("state"), i.getLocalDate("start_date"), i.getLocalDate("planned_end"),
                        i.getLocalDate("arrived_on"), i.getLocalDate("actual_end"), i.getBigDecimal("monthly_allowance"),
                        i.getString("mentor_name"), i.getString("end_reason"), i.getString("outcome"), i.getString("outcome_channel"),
                        i.getLocalDate("outcome_date"), i.getOffsetDateTime("agreement_signed_at"), i.getString("origin"),
                        months.getOrDefault(i.getLong("id"), List.of()), followUps.getOrDefault(i.getLong("id"), List.of()))),
                list(r.get("claims"), c -> new PersonalData.SubsidyClaim(c.getLong("id"), c.getLong("internship_id"),
                        c.getLocalDate("month"), c.getString("status"), c.getBigDecimal("requested_amount"),
                        c.getBigDecimal("approved_amount"), c.getString("reject_reason"), c.getOffsetDateTime("submitted_at"),
                        c.getOffsetDateTime("decided_at"), paid.getOrDefault(c.getLong("id"), List.of()))),
                list(r.get("signups"), s -> new PersonalData.Signup(s.getLong(0), s.getString(1), s.getString(2),
                        s.getLocalDate(3), s.getOffsetDateTime(4))),
                list(r.get("services"), s -> new PersonalData.Service(s.getString(0), s.getString(1), s.getString(2),
                        s.getString(3), s.getOffsetDateTime(4))),
                list(r.get("notifications"), n -> new PersonalData.Message(n.getString(0), n.getString(1), n.getString(2),
                        n.getOffsetDateTime(3), n.getOffsetDateTime(4))),
                list(r.get("deletions"), d -> new PersonalData.Deletion(d.getLong(0), d.getString(1), d.getString(2),
                        d.getOffsetDateTime(3), d.getOffsetDateTime(4), d.getString(5))),
                list(r.get("audit"), a -> {
                    boolean mine = Boolean.TRUE.equals(a.getBoolean("by_me"));
                    return new PersonalData.AuditTrail(a.getOffsetDateTime("at"), a.getString("action"),
                            AuditAction.labelOf(a.getString("action")), mine, a.getString("actor_role"), a.getString("detail"),
                            mine ? a.getString("ip") : null);
                }));
    }

    private PersonalData.Profile profile(Row y) {
        return new PersonalData.Profile(y.getLong("id"), y.getString("name"), cipher.decrypt(y.getString("id_number_enc")),
                cipher.decrypt(y.getString("phone_enc")), y.getLocalDate("birth_date"), y.getString("sex"), y.getString("region_code"),
                y.getString("region_name"), y.getString("education"), y.getString("school"), y.getString("major"),
                y.getLocalDate("graduation_date"), y.getString("current_status"), y.getBoolean("internship_intention"),
                y.getBoolean("training_intention"), strings(y, "preferred_regions"), strings(y, "preferred_categories"),
                strings(y, "hardship"), y.getString("source"), y.getOffsetDateTime("created_at"), y.getOffsetDateTime("updated_at"));
    }

    private static List<String> strings(Row row, String column) {
        String[] values = row.getArrayOfStrings(column);
        return values == null ? List.of() : Arrays.asList(values);
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>();
        rows.forEach(row -> out.add(map.apply(row)));
        return out;
    }

    private static <T> Map<Long, List<T>> group(RowSet<Row> rows, String key, Function<Row, T> map) {
        Map<Long, List<T>> out = new HashMap<>();
        rows.forEach(row -> out.computeIfAbsent(row.getLong(key), k -> new ArrayList<>()).add(map.apply(row)));
        return out;
    }
}
