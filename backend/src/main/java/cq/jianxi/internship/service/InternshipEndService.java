package cq.jianxi.internship.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.internship.domain.BackDating;
import cq.jianxi.internship.domain.InternshipRules;
import cq.jianxi.internship.domain.InternshipState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How an internship ends and what follows: completed (dated at the agreement's planned end,
 * whenever it is recorded), retained early or ended abnormally, the outcome, the 3/6-month
 * follow-ups, and the list of internships past their planned end that nobody has closed yet.
 */
@ApplicationScoped
public class InternshipEndService {

    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    InternshipAccess access;

    /** A page of internships to be closed, with the total. */
    public record ToBeClosed(List<InternshipAccess.Row> items, long total) {
    }

    /** Ends an internship: completed at the planned end, retained early, or ended abnormally with a reason. */
    @WithTransaction
    public Uni<InternshipAccess.Row> end(Caller caller, long id, String type, LocalDate date, String reason) {
        Checks checks = new Checks();
        InternshipState to = checks.enumValue("type", type, InternshipState.class, "结束方式");
        checks.check(to == null || to.ended(), "type", "结束方式须为 COMPLETED、RETAINED_EARLY 或 ABNORMAL");
        checks.throwIfAny();
        return access.editable(caller, id).flatMap(i -> {
            if (i.state != InternshipState.ON_POST) {
                throw ApiProblem.conflict("只有在岗的见习可以结束，当前状态：" + i.state.label());
            }
            LocalDate today = clock.today();
            Checks c = new Checks();
            LocalDate end = to == InternshipState.COMPLETED ? i.plannedEnd : date;
            if (to != InternshipState.COMPLETED && end != null) {
                BackDating.check(c, caller, end, today, "date", reason);
            }
            // Completion is the agreement's planned end, even when it is recorded late.
            InternshipRules.end(c, to, i.arrivedOn, i.plannedEnd, date, reason, today);
            c.throwIfAny();
            i.state = to;
            i.actualEnd = end;
            i.endReason = reason == null || reason.isBlank() ? null : reason.trim();
            if (to == InternshipState.RETAINED_EARLY) {
                i.outcome = "RETAINED";
                i.outcomeDate = end;
            }
            i.updatedAt = clock.now();
            String note = to.name() + " " + end + (end.isBefore(today) && to != InternshipState.COMPLETED ? "（补录）" : "");
            return audit.record(caller, AuditAction.INTERNSHIP_ENDED, "internship", String.valueOf(id), note).replaceWith(i);
        }).call(i -> Panache.getSession().flatMap(s -> s.flush())).flatMap(i -> access.row(i.id));
    }

    /** After completion: retained by the base, employed elsewhere (with the channel) or not employed. */
    @WithTransaction
    public Uni<InternshipAccess.Row> outcome(Caller caller, long id, String outcome, String channel, LocalDate date) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        Checks checks = new Checks();
        checks.check(outcome != null && List.of("RETAINED", "EMPLOYED_ELSEWHERE", "NOT_EMPLOYED").contains(outcome),
                "outcome", "去向须为 RETAINED、EMPLOYED_ELSEWHERE 或 NOT_EMPLOYED");
        checks.check(!"EMPLOYED_ELSEWHERE".equals(outcome)
                        || List.of("BASE_RECOMMENDATION", "PUBLIC_SERVICE", "OWN_SEARCH").contains(channel),
                "channel", "其他方式就业须注明途径：BASE_RECOMMENDATION、PUBLIC_SERVICE 或 OWN_SEARCH");
        checks.check(date == null || !date.isAfter(clock.today()), "date", "去向日期不能晚于今天");
        checks.throwIfAny();
        return access.visible(caller, id, true).flatMap(i -> {
            if (i.state != InternshipState.COMPLETED) {
                throw ApiProblem.conflict("只有完成见习的人员需要登记去向，当前状态：" + i.state.label());
            }
            i.outcome = outcome;
            i.outcomeChannel = "EMPLOYED_ELSEWHERE".equals(outcome) ? channel : null;
            i.outcomeDate = date != null ? date : clock.today();
            i.updatedAt = clock.now();
            return audit.record(caller, AuditAction.INTERNSHIP_OUTCOME_RECORDED, "internship", String.valueOf(id), outcome)
                    .replaceWith(i);
        }).call(i -> Panache.getSession().flatMap(s -> s.flush())).flatMap(i -> access.row(i.id));
    }

    /** Follow-up of the outcome three and six months after the end. */
    @WithTransaction
    public Uni<InternshipAccess.Row> followUp(Caller caller, long id, Integer months, Boolean employed, String note) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().check(months != null && (months == 3 || months == 6), "months", "回访时点须为 3 或 6 个月")
                .check(employed != null, "employed", "请填写是否就业")
                .check(note == null || note.length() <= 500, "note", "备注不能超过 500 个字符").throwIfAnyRuleBroken();
        return access.visible(caller, id, true).flatMap(i -> {
            if (i.state != InternshipState.COMPLETED && i.state != InternshipState.RETAINED_EARLY) {
                throw ApiProblem.conflict("只有完成见习的人员需要回访");
            }
            return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            insert into internship_follow_up (internship_id, months, employed, note, recorded_by, recorded_at)
                            values (:id, :months, :employed, :note, :by, :at)
                            on conflict (internship_id, months) do update set employed = excluded.employed,
                                note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                    .setParameter("id", id).setParameter("months", months).setParameter("employed", employed)
                    .setParameter("note", note).setParameter("by", caller.username()).setParameter("at", clock.now())
                    .executeUpdate());
        }).flatMap(x -> access.row(id));
    }

    /** On post past the planned end with no end recorded: the base or district must close them (indicator 13 leaves them out). */
    @WithSession
    public Uni<ToBeClosed> toBeClosed(Caller caller, String regionCode, int page, int size) {
        caller.requireRole(Role.BASE, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        new Checks().page(page, size, 200).throwIfAny();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" and i.state = :onPost and i.plannedEnd < :today");
        params.put("onPost", InternshipState.ON_POST);
        params.put("today", clock.today());
        if (caller.is(Role.BASE)) {
            where.append(" and i.baseId = :base");
            params.put("base", caller.baseId());
        } else if (caller.is(Role.DISTRICT_ADMIN) || (regionCode != null && !regionCode.isBlank())) {
            String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : regionCode.trim();
            caller.requireRegion(region);
            where.append(" and i.regionCode = :region");
            params.put("region", region);
        }
        String count = "select count(i) from Internship i where 1 = 1" + where;
        // Oldest overdue first: those are the ones the report has been missing longest.
        return access.query(where.toString(), params, "i.plannedEnd, i.id", page, size).flatMap(list -> Panache.getSession().flatMap(s -> {
            var q = s.createSelectionQuery(count, Long.class);
            params.forEach(q::setParameter);
            return q.getSingleResult();
        }).map(total -> new ToBeClosed(list, total)));
    }
}
