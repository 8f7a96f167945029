package cq.jianxi.calendar.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official working-day calendar (public holidays and adjusted working weekends) and the due date
 * it gives a monthly report: the 2nd working day of the following month. A month whose year has not
 * been published yet gets a provisional date from the weekends alone, marked as such.
 */
@ApplicationScoped
public class WorkCalendar {

    public static final int DUE_WORKING_DAY = 2;

    @Inject
    Pool pool;

    @Inject
    AuditService audit;

    /** The due date of a report period, or why there is none yet. */
    public record DueDate(YearMonth period, LocalDate dueDate, boolean provisional, String message) {
    }

    /** A published year's exceptions to the ordinary Monday–Friday week. */
    public record Year(int year, boolean published, List<LocalDate> off, List<LocalDate> work) {
    }

    public Uni<DueDate> dueDate(YearMonth period) {
        YearMonth dueMonth = period.plusMonths(1);
        return pool.preparedQuery("""
                        select (select count(*) from calendar_year where year = $1) as published, d.day, d.kind
                        from (select 1) x left join calendar_day d on d.day between $2 and $3""")
                .execute(Tuple.of(dueMonth.getYear(), dueMonth.atDay(1), dueMonth.atEndOfMonth()))
                .map(rows -> {
                    Map<LocalDate, String> exceptions = new HashMap<>();
                    long published = 0;
                    for (Row r : rows) {
                        published = r.getLong("published");
                        if (r.getLocalDate("day") != null) {
                            exceptions.put(r.getLocalDate("day"), r.getString("kind"));
                        }
                    }
                    if (published == 0) {
                        // Without the official calendar the weekends still give a date; it is marked provisional.
                        return new DueDate(period, nthWorkingDay(dueMonth, DUE_WORKING_DAY, Map.of()), true,
                                "暂定：" + dueMonth.getYear() + " 年的节假日安排尚未录入，截止日期按周末推算；请市人社局在“节假日安排”中录入");
                    }
                    return new DueDate(period, nthWorkingDay(dueMonth, DUE_WORKING_DAY, exceptions), false, null);
                });
    }

    /**
     * The n-th working day after a date (the date itself not counted), from the official calendar where
     * it is entered and the weekends elsewhere; used for review deadlines that run into any month.
     */
    public Uni<LocalDate> workingDaysAfter(LocalDate from, int n) {
        // Long holidays (Spring Festival, National Day) never stretch n working days beyond 2n + 30 days.
        LocalDate until = from.plusDays(2L * n + 30);
        return pool.preparedQuery("select day, kind from calendar_day where day > $1 and day <= $2")
                .execute(Tuple.of(from, until)).map(rows -> {
                    Map<LocalDate, String> exceptions = new HashMap<>();
                    for (Row r : rows) {
                        exceptions.put(r.getLocalDate("day"), r.getString("kind"));
                    }
                    int seen = 0;
                    for (LocalDate d = from.plusDays(1); ; d = d.plusDays(1)) {
                        String kind = exceptions.get(d);
                        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                        if (("WORK".equals(kind) || (!weekend && !"OFF".equals(kind))) && ++seen >= n) {
                            return d;
                        }
                    }
                });
    }

    /** The n-th working day of a month: weekdays unless off, weekends only when declared working days. */
    public static LocalDate nthWorkingDay(YearMonth month, int n, Map<LocalDate, String> exceptions) {
        int seen = 0;
        for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
            String kind = exceptions.get(d);
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean working = "WORK".equals(kind) || (!weekend && !"OFF".equals(kind));
            if (working && ++seen == n) {
                return d;
            }
        }
        throw new IllegalStateException("No " + n + "th working day in " + month);
    }

    public Uni<Year> year(int year) {
        return pool.preparedQuery("""
                        select (select count(*) from calendar_year where year = $1) as published, d.day, d.kind
                        from (select 1) x left join calendar_day d on d.year = $1 order by d.day""")
                .execute(Tuple.of(year)).map(rows -> {
                    List<LocalDate> off = new java.util.ArrayList<>();
                    List<LocalDate> work = new java.util.ArrayList<>();
                    long published = 0;
                    for (Row r : rows) {
                        published = r.getLong("published");
                        LocalDate day = r.getLocalDate("day");
                        if (day != null) {
                            ("OFF".equals(r.getString("kind")) ? off : work).add(day);
                        }
                    }
                    return new Year(year, published > 0, off, work);
                });
    }

    /** The city admin records a newly published year (replacing what was there). */
    @WithTransaction
    public Uni<Void> publish(Caller caller, int year, List<LocalDate> off, List<LocalDate> work) {
        caller.requireRole(Role.CITY_ADMIN);
        Checks checks = new Checks();
        checks.check(year >= 2000 && year <= 2100, "year", "年度须在 2000 到 2100 之间");
        List<LocalDate> offDays = off == null ? List.of() : off;
        List<LocalDate> workDays = work == null ? List.of() : work;
        LocalDate from = LocalDate.of(year - 1, 12, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        for (LocalDate d : offDays) {
            checks.check(d != null && !d.isBefore(from) && !d.isAfter(to), "off", "放假日期 " + d + " 不属于 " + year + " 年的安排");
        }
        Set<LocalDate> offSet = new HashSet<>(offDays);
        for (LocalDate d : workDays) {
            checks.check(d != null && !d.isBefore(from) && !d.isAfter(to), "work", "调休上班日期 " + d + " 不属于 " + year + " 年的安排");
            checks.check(d == null || d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY,
                    "work", "调休上班日应为周末：" + d);
            checks.check(!offSet.contains(d), "work", d + " 不能既放假又上班");
        }
        checks.throwIfAnyRuleBroken();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("delete from calendar_year where year = :y")
                        .setParameter("y", year).executeUpdate()
                        .flatMap(x -> s.createNativeQuery("insert into calendar_year (year, published_by) values (:y, :by)")
                                .setParameter("y", year).setParameter("by", caller.username()).executeUpdate())
                        .flatMap(x -> insertDays(s, year, offDays, "OFF"))
                        .flatMap(x -> insertDays(s, year, workDays, "WORK")))
                .call(() -> audit.record(caller, AuditAction.CALENDAR_PUBLISHED, "calendar", String.valueOf(year),
                        offDays.size() + " 天放假，" + workDays.size() + " 天调休上班"))
                .replaceWithVoid();
    }

    private static Uni<Integer> insertDays(org.hibernate.reactive.mutiny.Mutiny.Session s, int year, List<LocalDate> days,
                                           String kind) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (LocalDate d : new java.util.TreeSet<>(days)) {
            chain = chain.flatMap(n -> s.createNativeQuery("insert into calendar_day (day, year, kind) values (:d, :y, :k)")
                    .setParameter("d", d).setParameter("y", year).setParameter("k", kind).executeUpdate().map(x -> n + x));
        }
        return chain;
    }

}
