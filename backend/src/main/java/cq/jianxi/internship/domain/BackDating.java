package cq.jianxi.internship.domain;

import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;

import java.time.LocalDate;

/**
 * How far in the past a date may be entered, so the records can hold what really happened without
 * letting anyone rewrite old months silently: a base may enter dates up to 31 days back; district
 * and city staff as far back as 1 January of the previous year, giving a reason for any past date.
 * Every back-dated write is audited with its reason.
 */
public final class BackDating {

    public static final int BASE_DAYS = 31;

    private BackDating() {
    }

    /** The earliest date the caller may enter today. */
    public static LocalDate earliest(Caller caller, LocalDate today) {
        return caller.is(Role.BASE) ? today.minusDays(BASE_DAYS) : LocalDate.of(today.getYear() - 1, 1, 1);
    }

    /**
     * Checks a date entered by the caller: not in the future, not before what the caller may enter,
     * and with a reason where staff enter a past date. Returns whether the date is in the past.
     */
    public static boolean check(Checks checks, Caller caller, LocalDate date, LocalDate today, String field, String reason) {
        if (date == null) {
            return false;
        }
        checks.check(!date.isAfter(today), field, "日期不能晚于今天 " + today);
        LocalDate earliest = earliest(caller, today);
        checks.check(!date.isBefore(earliest), field, caller.is(Role.BASE)
                ? "基地只能补录 " + BASE_DAYS + " 天内的日期（不早于 " + earliest + "），更早的请联系区县人社局补录"
                : "只能补录本年度和上一年度的日期（不早于 " + earliest + "）");
        boolean past = date.isBefore(today);
        if (past && !caller.is(Role.BASE)) {
            checks.check(reason != null && !reason.isBlank() && reason.length() <= 500, "reason", "补录过去的日期须填写原因（500 字以内）");
        }
        return past;
    }
}
