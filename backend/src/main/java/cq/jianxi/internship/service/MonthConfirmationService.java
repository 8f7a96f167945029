package cq.jianxi.internship.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.time.Months;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipMonth;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The monthly confirmations that subsidy claims rest on: the base with the days present, the intern
 * on their phone, or the intern's flag of a month not worked. A month can be confirmed only once it
 * is over (or once the internship ended within it), never ahead.
 */
@ApplicationScoped
public class MonthConfirmationService {

    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @Inject
    InternshipAccess access;
    @Inject
    InternshipNotices notices;

    @WithTransaction
    public Uni<InternshipMonth> confirm(Caller caller, long id, String monthText, Integer daysPresent) {
        caller.requireRole(Role.BASE, Role.YOUTH);
        YearMonth month = Months.parse(monthText);
        return access.visible(caller, id, false).flatMap(i -> {
            requireConfirmable(i, month, clock.today());
            if (caller.is(Role.BASE)) {
                int max = daysInside(i, month);
                new Checks().check(daysPresent != null && daysPresent >= 0 && daysPresent <= max, "daysPresent",
                        "在岗天数须在 0 到 " + max + " 之间").throwIfAny();
            }
            return InternshipMonth.<InternshipMonth>findById(key(id, month), LockModeType.PESSIMISTIC_WRITE).flatMap(m -> {
                InternshipMonth row = m != null ? m : new InternshipMonth();
                row.internshipId = id;
                row.month = month.atDay(1);
                OffsetDateTime now = clock.now();
                if (caller.is(Role.BASE)) {
                    row.daysPresent = daysPresent;
                    row.baseConfirmedAt = now;
                    row.baseConfirmedBy = caller.username();
                } else {
                    row.youthConfirmedAt = now;
                    row.youthFlaggedAt = null;
                    row.youthFlagReason = null;
                }
                Uni<InternshipMonth> saved = m != null ? Uni.createFrom().item(row) : row.persist();
                return saved.call(x -> audit.record(caller, AuditAction.INTERNSHIP_MONTH_CONFIRMED, "internship",
                        String.valueOf(id), month.toString()))
                        .call(x -> caller.is(Role.BASE) && row.youthConfirmedAt == null && row.youthFlaggedAt == null
                                ? notices.confirmationDue(i, month) : Uni.createFrom().voidItem());
            });
        });
    }

    /** The intern marks a month they did not work; it can then not be claimed. */
    @WithTransaction
    public Uni<InternshipMonth> flag(Caller caller, long id, String monthText, String reason) {
        caller.requireRole(Role.YOUTH);
        YearMonth month = Months.parse(monthText);
        new Checks().notBlank("reason", reason, 500, "说明").throwIfAny();
        return access.visible(caller, id, false).flatMap(i -> {
            requireConfirmable(i, month, clock.today());
            return InternshipMonth.<InternshipMonth>findById(key(id, month), LockModeType.PESSIMISTIC_WRITE).flatMap(m -> {
                InternshipMonth row = m != null ? m : new InternshipMonth();
                row.internshipId = id;
                row.month = month.atDay(1);
                row.youthConfirmedAt = null;
                row.youthFlaggedAt = clock.now();
                row.youthFlagReason = reason.trim();
                Uni<InternshipMonth> saved = m != null ? Uni.createFrom().item(row) : row.persist();
                return saved.call(x -> audit.record(caller, AuditAction.INTERNSHIP_MONTH_FLAGGED, "internship",
                        String.valueOf(id), month + "：" + reason.trim()));
            });
        });
    }

    @WithSession
    public Uni<List<InternshipMonth>> months(Caller caller, long id) {
        return access.visible(caller, id, false)
                .flatMap(i -> InternshipMonth.<InternshipMonth>list("internshipId = ?1 order by month", id));
    }

    /**
     * A month can be confirmed when the intern was on post in it and it is over: the month has ended,
     * or the internship ended within it on or before today.
     */
    public static void requireConfirmable(Internship i, YearMonth month, LocalDate today) {
        if (i.arrivedOn == null) {
            throw ApiProblem.conflict("见习人员尚未到岗，不能确认在岗月份");
        }
        LocalDate last = i.actualEnd != null ? i.actualEnd : i.plannedEnd;
        if (month.isBefore(YearMonth.from(i.arrivedOn)) || month.isAfter(YearMonth.from(last))) {
            throw ApiProblem.ruleAt("month", "该月不在在岗期内（" + i.arrivedOn + " 至 " + last + "）");
        }
        boolean monthOver = month.isBefore(YearMonth.from(today));
        boolean endedWithin = i.actualEnd != null && YearMonth.from(i.actualEnd).equals(month) && !i.actualEnd.isAfter(today);
        if (!monthOver && !endedWithin) {
            throw ApiProblem.ruleAt("month", month + " 尚未结束，月度确认和补贴申领在该月结束后进行");
        }
    }

    /** The number of days of the month that the intern was on post. */
    public static int daysInside(Internship i, YearMonth month) {
        return daysOnPost(i.arrivedOn, i.actualEnd != null ? i.actualEnd : i.plannedEnd, month);
    }

    /** The days of the month between an arrival and a last day on post, both included. */
    public static int daysOnPost(LocalDate arrivedOn, LocalDate last, YearMonth month) {
        LocalDate from = arrivedOn.isAfter(month.atDay(1)) ? arrivedOn : month.atDay(1);
        LocalDate to = last.isBefore(month.atEndOfMonth()) ? last : month.atEndOfMonth();
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, to) + 1);
    }

    private static InternshipMonth.Key key(long id, YearMonth month) {
        InternshipMonth.Key k = new InternshipMonth.Key();
        k.internshipId = id;
        k.month = month.atDay(1);
        return k;
    }
}
