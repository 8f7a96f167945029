package cq.jianxi.report.service;

import cq.jianxi.calendar.service.WorkCalendar;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the district admins of each region whose report for last month is neither submitted nor
 * accepted that its due date (the 2nd working day of this month, from the work calendar) is near — from
 * the 1st, when the report can be submitted, to the due date — and, after it, that it is overdue. Each
 * reminder is written once per region, period and kind: its dedupe key makes a second run, or a second
 * instance running at the same time, write nothing.
 */
@ApplicationScoped
public class MonthlyReportDeadlineReminder {

    @Inject
    Regions regions;
    @Inject
    AppClock clock;
    @Inject
    WorkCalendar calendar;
    @Inject
    NotificationService notifications;

    @Scheduled(every = "${jianxi.reports.deadline-check:1h}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return remind().replaceWithVoid();
    }

    /** Writes the reminders due now; returns how many were written (0 when all were sent before). */
    public Uni<Integer> remind() {
        YearMonth period = clock.month().minusMonths(1);
        LocalDate today = clock.today();
        // The due date is read before the transaction opens, so the job never holds two connections.
        return calendar.dueDate(period).flatMap(due -> Panache.withTransaction(() -> late(period).flatMap(regions -> {
            boolean overdue = today.isAfter(due.dueDate());
            NotificationKind kind = overdue ? NotificationKind.DEADLINE_OVERDUE : NotificationKind.DEADLINE_NEAR;
            String date = due.dueDate() + (due.provisional() ? "（暂定）" : "");
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Object[] r : regions) {
                String code = (String) r[0];
                String title = overdue ? period + " 月报已逾期" : period + " 月报即将截止";
                String body = overdue
                        ? r[1] + " " + period + " 月报的截止日期 " + date + " 已过，尚未提交或被退回未重新提交，请尽快提交。"
                        : r[1] + " " + period + " 月报须在 " + date + " 前提交，目前尚未提交。";
                chain = chain.flatMap(n -> notifications.toRegionOnce("report-" + kind.name().toLowerCase() + ":" + code + ":" + period,
                        code, kind, title, body, "/admin/reports/monthly").map(written -> written ? n + 1 : n));
            }
            return chain;
        })));
    }

    /** The regions (code, short name) whose latest version of the period is neither submitted nor accepted. */
    @SuppressWarnings("unchecked")
    private Uni<List<Object[]>> late(YearMonth period) {
        return regions.listInOrder().flatMap(all -> Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select distinct on (x.region_code) x.region_code, x.status from monthly_report x
                        where x.period = :period and x.status <> 'SUPERSEDED' order by x.region_code, x.version desc""",
                        Object[].class)
                .setParameter("period", period.atDay(1)).getResultList()).map(rows -> {
                    Map<String, String> latest = new HashMap<>();
                    rows.forEach(r -> latest.put((String) r[0], (String) r[1]));
                    return all.stream().filter(region -> {
                        String status = latest.get(region.code);
                        return status == null || !(status.equals("SUBMITTED") || status.equals("ACCEPTED"));
                    }).map(region -> new Object[] {region.code, region.shortName}).toList();
                }));
    }
}
