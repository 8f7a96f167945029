package cq.jianxi.internship.domain;

import cq.jianxi.common.problem.Checks;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rules every internship record obeys, whether entered live, offline or brought from the previous
 * system: an agreement of 3–12 months, an arrival within it, and an end that matches its kind. The
 * same functions serve the live workflow and the history import, so both refuse the same records.
 */
public final class InternshipRules {

    private InternshipRules() {
    }

    /** The agreement's period and allowance (the allowance floor of the start year is checked against the rates). */
    public static void agreement(Checks c, LocalDate start, LocalDate plannedEnd, BigDecimal allowance) {
        c.check(start != null, "startDate", "请填写见习开始日期");
        c.check(plannedEnd != null, "plannedEnd", "请填写计划结束日期");
        c.check(allowance != null && allowance.signum() >= 0 && allowance.scale() <= 2
                        && allowance.compareTo(BigDecimal.valueOf(100_000)) <= 0,
                "monthlyAllowance", "月基本生活费须为 0 到 100000 元之间的金额（最多两位小数）");
        if (start != null && plannedEnd != null) {
            c.check(!plannedEnd.isBefore(start.plusMonths(3).minusDays(1)) && !plannedEnd.isAfter(start.plusMonths(12)),
                    "plannedEnd", "见习期限须为开始后 3–12 个月");
        }
    }

    /** An arrival: on or after the agreement's start, before its planned end, not in the future. */
    public static void arrival(Checks c, LocalDate start, LocalDate plannedEnd, LocalDate arrivedOn, LocalDate today) {
        if (arrivedOn == null || start == null || plannedEnd == null) {
            return;
        }
        c.check(!arrivedOn.isBefore(start), "arrivedOn", "到岗日期不能早于协议开始日期 " + start);
        c.check(arrivedOn.isBefore(plannedEnd), "arrivedOn", "到岗日期须早于计划结束日期 " + plannedEnd);
        c.check(!arrivedOn.isAfter(today), "arrivedOn", "到岗日期不能晚于今天");
    }

    /**
     * An end: completion is dated at the planned end (which must have passed); early retention and an
     * abnormal end fall on or after the arrival and before the planned end; an abnormal end has a reason.
     */
    public static void end(Checks c, InternshipState to, LocalDate arrivedOn, LocalDate plannedEnd, LocalDate end,
                           String reason, LocalDate today) {
        if (to == InternshipState.COMPLETED) {
            c.check(end == null || end.equals(plannedEnd), "date", "完成见习的日期为协议计划结束日 " + plannedEnd);
            c.check(!plannedEnd.isAfter(today), "type", "计划结束日 " + plannedEnd + " 尚未到，不能登记完成见习");
            return;
        }
        c.check(end != null, "date", "请填写结束日期");
        if (end != null) {
            c.check(!end.isAfter(today), "date", "结束日期不能晚于今天");
            c.check(arrivedOn == null || !end.isBefore(arrivedOn), "date", "结束日期不能早于到岗日期 " + arrivedOn);
            c.check(end.isBefore(plannedEnd), "date", "提前留用或非正常结束须早于计划结束日 " + plannedEnd);
        }
        if (to == InternshipState.ABNORMAL) {
            c.notBlank("reason", reason, 500, "结束原因");
        }
    }
}
