package cq.jianxi.internship.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipOrigin;
import cq.jianxi.internship.domain.InternshipRules;
import cq.jianxi.internship.domain.InternshipState;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Internships brought from the previous system, checked by the same rules as the live workflow
 * ({@link InternshipRules}, the allowance floor of the start year, the overlap constraint) and
 * recorded in the state they reached, marked as migrated. Runs inside the import's transaction.
 */
@ApplicationScoped
public class InternshipHistory {

    @Inject
    AppClock clock;
    @Inject
    InternshipEligibility eligibility;

    /** An internship as the previous system knew it. */
    public record MigratedInternship(long youthId, long baseId, long positionId, String regionCode, String mentorName,
                                     LocalDate startDate, LocalDate plannedEnd, BigDecimal monthlyAllowance, InternshipState state,
                                     LocalDate arrivedOn, LocalDate endDate, String endReason, String outcome, String outcomeChannel) {
    }

    /** The rules a row must satisfy before anything is written; the field names are the template's. */
    public static Checks check(MigratedInternship m, LocalDate today) {
        Checks c = new Checks();
        InternshipRules.agreement(c, m.startDate(), m.plannedEnd(), m.monthlyAllowance());
        if (!c.ok()) {
            return c;
        }
        c.check(m.state() != InternshipState.PENDING, "state", "导入的见习须已签订协议");
        c.check(m.state().arrived() == (m.arrivedOn() != null), "arrivedOn",
                m.state().arrived() ? "在岗或已结束的见习须填写到岗日期" : "未到岗的见习不能填写到岗日期");
        InternshipRules.arrival(c, m.startDate(), m.plannedEnd(), m.arrivedOn(), today);
        if (m.state().ended()) {
            InternshipRules.end(c, m.state(), m.arrivedOn(), m.plannedEnd(), m.endDate(), m.endReason(), today);
        } else {
            c.check(m.endDate() == null, "endDate", "未结束的见习不能填写结束日期");
        }
        if (m.state() == InternshipState.NO_SHOW) {
            c.notBlank("endReason", m.endReason(), 500, "未到岗原因");
        }
        c.check(m.outcome() == null || m.state() == InternshipState.COMPLETED || m.state() == InternshipState.RETAINED_EARLY,
                "outcome", "只有完成见习的人员有去向");
        c.check(!"EMPLOYED_ELSEWHERE".equals(m.outcome()) || m.outcomeChannel() != null, "outcomeChannel", "其他方式就业须注明途径");
        return c;
    }

    /** Records the internship; returns its id. */
    public Uni<Long> record(MigratedInternship m) {
        check(m, clock.today()).throwIfAny();
        return eligibility.allowanceFloor(m.startDate().getYear()).flatMap(floor -> {
            if (m.monthlyAllowance().compareTo(floor) < 0) {
                throw ApiProblem.invalidField("monthlyAllowance", "月基本生活费低于 " + m.startDate().getYear() + " 年最低标准 "
                        + floor.toPlainString() + " 元");
            }
            LocalDate fixedOn = m.arrivedOn() != null ? m.arrivedOn() : m.startDate();
            return eligibility.unemployedGraduateOn(m.youthId(), fixedOn);
        }).flatMap(graduate -> {
            Internship i = new Internship();
            i.youthId = m.youthId();
            i.baseId = m.baseId();
            i.positionId = m.positionId();
            i.regionCode = m.regionCode();
            i.state = m.state();
            i.origin = InternshipOrigin.MIGRATED;
            i.mentorName = m.mentorName();
            i.startDate = m.startDate();
            i.plannedEnd = m.plannedEnd();
            i.monthlyAllowance = m.monthlyAllowance();
            i.arrivedOn = m.arrivedOn();
            i.actualEnd = m.state() == InternshipState.COMPLETED ? m.plannedEnd() : m.state().ended() ? m.endDate() : null;
            i.endReason = m.endReason();
            i.outcome = m.state() == InternshipState.RETAINED_EARLY ? "RETAINED" : m.outcome();
            i.outcomeChannel = "EMPLOYED_ELSEWHERE".equals(i.outcome) ? m.outcomeChannel() : null;
            i.outcomeDate = i.outcome == null ? null : i.actualEnd;
            i.unemployedGraduate = graduate;
            i.agreementSignedAt = m.startDate().atStartOfDay(AppClock.ZONE).toOffsetDateTime();
            i.createdAt = clock.now();
            i.updatedAt = i.createdAt;
            return i.<Internship>persist().map(x -> x.id);
        });
    }
}
