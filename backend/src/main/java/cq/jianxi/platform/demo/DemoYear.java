package cq.jianxi.platform.demo;

import cq.jianxi.activity.service.ActivityService;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.internship.service.AgreementService;
import cq.jianxi.internship.service.InternshipEndService;
import cq.jianxi.internship.service.MonthConfirmationService;
import cq.jianxi.report.service.MonthlyReportWorkflow;
import cq.jianxi.calendar.service.WorkCalendar;
import cq.jianxi.subsidy.service.SubsidyService;
import cq.jianxi.youth.service.YouthEnrolment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The demo's year of internships, replayed through the domain services at the dates things happened:
 * young people registered, placements arranged, arrivals and no-shows, early retention, abnormal
 * ends, completions with their outcome (and a few left to be closed), monthly confirmations by both
 * sides once each month is over, claims, approvals and payments at every funding level, matching
 * events and policy sessions with sign-ups and placements, and each past month's report submitted and
 * accepted — ending with one late entry that shows as drift. Every record obeys the live rules
 * because the live services wrote it.
 */
@ApplicationScoped
public class DemoYear {

    private static final Logger LOG = Logger.getLogger(DemoYear.class);
    static final List<String> REGIONS = List.of("500101", "500103", "500112");
    static final String[] FUNDING = {"CENTRAL", "CITY", "DISTRICT"};

    @Inject
    AppClock clock;
    @Inject
    Pool pool;
    @Inject
    YouthEnrolment youths;
    @Inject
    AgreementService agreements;
    @Inject
    InternshipEndService ends;
    @Inject
    MonthConfirmationService confirmations;
    @Inject
    SubsidyService subsidies;
    @Inject
    cq.jianxi.subsidy.service.SubsidyPayments subsidyPayments;
    @Inject
    ActivityService activities;
    @Inject
    MonthlyReportWorkflow reports;

    private record Event(Instant at, int order, Supplier<Uni<?>> action) {
    }

    private record Opening(long positionId, long baseId, LocalDate publishedOn, BigDecimal allowance) {
    }

    private final List<Event> events = new ArrayList<>();
    private final Map<String, Long> ids = new HashMap<>();
    private final Map<String, BigDecimal> amounts = new HashMap<>();
    private int order;

    /** Replays the year once; a database that already has internships is left as it is. */
    public void seedIfEmpty(LocalDate today) throws Throwable {
        long existing = VertxContextSupport.subscribeAndAwait(() -> pool.query("select count(*) from internship").execute()
                .map(rows -> rows.iterator().next().getLong(0)));
        if (existing > 0 || today.getDayOfYear() < 40) {
            return;
        }
        Random random = new Random(20261201L);
        for (String region : REGIONS) {
            List<Opening> openings = VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("""
                            select p.id, p.base_id, (p.first_published_at at time zone 'Asia/Shanghai')::date, p.monthly_allowance
                            from position p join base b on b.id = p.base_id
                            where b.region_code = $1 and b.status = 'APPROVED' and p.first_published_at is not null and b.id >= 100000
                            order by p.id""").execute(Tuple.of(region)).map(rows -> {
                List<Opening> list = new ArrayList<>();
                for (Row r : rows) {
                    list.add(new Opening(r.getLong(0), r.getLong(1), r.getLocalDate(2), r.getBigDecimal(3)));
                }
                return list;
            }));
            if (openings.isEmpty()) {
                continue;
            }
            plan(region, openings, today, random, "500101".equals(region) ? 90 : 55);
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        int done = 0;
        try {
            for (Event e : events) {
                clock.simulate(e.at());
                try {
                    VertxContextSupport.subscribeAndAwait(() -> e.action().get().replaceWithVoid());
                    done++;
                } catch (RuntimeException refused) {
                    // A step the rules refuse (e.g. a placement that would overlap) is simply not part of the story.
                    LOG.debugf("Demo step skipped at %s: %s", e.at(), refused.getMessage());
                }
            }
        } finally {
            clock.endSimulation();
        }
        LOG.infof("Demo year: %d of %d steps recorded through the services", done, events.size());
    }

    private void plan(String region, List<Opening> openings, LocalDate today, Random random, int count) {
        Caller district = new Caller("demo", null, "demo_" + region, "演示区县人社局", Role.DISTRICT_ADMIN, region, null, null,
                null, null, null);
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        for (int i = 0; i < count; i++) {
            String key = region + "/" + i;
            LocalDate arrival = yearStart.plusDays(10 + random.nextInt(Math.max(1, today.getDayOfYear() - 14)));
            List<Opening> open = openings.stream().filter(o -> o.publishedOn().isBefore(arrival)).toList();
            if (open.isEmpty()) {
                continue;
            }
            Opening o = open.get(random.nextInt(open.size()));
            LocalDate plannedEnd = arrival.plusMonths(3 + random.nextInt(4)).minusDays(1);
            BigDecimal allowance = o.allowance().max(BigDecimal.valueOf(2300));
            boolean graduate = random.nextInt(4) > 0;
            LocalDate born = LocalDate.of(graduate ? 2001 + random.nextInt(3) : 2004 + random.nextInt(3), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            String idNumber = idNumber(region, born, i);
            YouthEnrolment.Known person = new YouthEnrolment.Known("演示见习" + region.substring(4) + "-" + i, idNumber, region,
                    graduate ? (random.nextBoolean() ? "BACHELOR" : "JUNIOR_COLLEGE") : "SECONDARY",
                    graduate ? LocalDate.of(today.getYear() - random.nextInt(2), 6, 30) : null);
            at(arrival.minusDays(10), 9, () -> Panache.withTransaction(() -> youths.findOrRegister(person))
                    .invoke(id -> ids.put("youth/" + key, id)));
            Caller base = new Caller("demo", null, "demo_base_" + o.baseId(), "演示基地", Role.BASE, region, null, o.baseId(),
                    null, null, null);
            int fate = random.nextInt(100);
            if (fate < 6) {
                at(arrival.minusDays(7), 10, () -> agreements.recordOffline(district, placement(key, o, arrival, plannedEnd, allowance, null))
                        .invoke(r -> ids.put("internship/" + key, r.internship().id)));
                at(arrival, 11, () -> agreements.noShow(district, ids.get("internship/" + key), "未按约定到岗"));
                continue;
            }
            at(arrival, 10, () -> agreements.recordOffline(district, placement(key, o, arrival, plannedEnd, allowance, arrival))
                    .invoke(r -> ids.put("internship/" + key, r.internship().id)));
            LocalDate lastDay = plannedEnd;
            if (fate < 14) {
                LocalDate end = arrival.plusDays(15 + random.nextInt(40));
                if (end.isBefore(plannedEnd) && end.isBefore(today)) {
                    lastDay = end;
                    at(end, 16, () -> ends.end(district, ids.get("internship/" + key), "ABNORMAL", end, "个人原因提前离开"));
                }
            } else if (fate < 26) {
                LocalDate end = arrival.plusDays(45 + random.nextInt(40));
                if (end.isBefore(plannedEnd) && end.isBefore(today)) {
                    lastDay = end;
                    at(end, 16, () -> ends.end(base, ids.get("internship/" + key), "RETAINED_EARLY", end, null));
                }
            } else if (plannedEnd.isBefore(today.minusDays(3)) && fate < 94) {
                int pick = random.nextInt(100);
                String outcome = pick < 45 ? "RETAINED" : pick < 80 ? "EMPLOYED_ELSEWHERE" : "NOT_EMPLOYED";
                String channel = "EMPLOYED_ELSEWHERE".equals(outcome)
                        ? new String[]{"BASE_RECOMMENDATION", "PUBLIC_SERVICE", "OWN_SEARCH"}[random.nextInt(3)] : null;
                at(plannedEnd.plusDays(1), 9, () -> ends.end(base, ids.get("internship/" + key), "COMPLETED", null, null));
                at(plannedEnd.plusDays(2), 9, () -> ends.outcome(base, ids.get("internship/" + key), outcome, channel, plannedEnd.plusDays(2)));
            }
            // Each month on post is confirmed by both sides once it is over, then claimed, approved and paid.
            Caller youth = new Caller("demo", null, "demo_youth", "演示青年", Role.YOUTH, region, null, null, null, null, null);
            LocalDate last = lastDay;
            for (YearMonth m = YearMonth.from(arrival); !m.isAfter(YearMonth.from(last)); m = m.plusMonths(1)) {
                LocalDate over = m.plusMonths(1).atDay(1);
                if (!over.isBefore(today)) {
                    break;
                }
                YearMonth month = m;
                String claim = "claim/" + key + "/" + month;
                at(over, 9, () -> confirmations.confirm(base, ids.get("internship/" + key), month.toString(),
                        Math.min(22, MonthConfirmationService.daysOnPost(arrival, last, month))));
                at(over, 10, () -> confirmations.confirm(new Caller(youth.subject(), null, youth.username(), youth.displayName(),
                        Role.YOUTH, region, null, null, ids.get("youth/" + key), null, null), ids.get("internship/" + key), month.toString(), null));
                at(over.plusDays(1), 9, () -> subsidies.claim(base, ids.get("internship/" + key), month.toString())
                        .invoke(r -> ids.put(claim, r.claim().id)));
                if (over.plusDays(4).isBefore(today)) {
                    at(over.plusDays(4), 10, () -> subsidies.approve(district, ids.get(claim), null)
                            .invoke(r -> amounts.put(claim, r.claim().approvedAmount)));
                }
                String level = FUNDING[random.nextInt(FUNDING.length)];
                if (over.plusDays(9).isBefore(today)) {
                    at(over.plusDays(9), 11, () -> subsidyPayments.disburse(district, ids.get(claim), over.plusDays(9), amounts.get(claim), level));
                }
            }
        }
        // Registered young people who have not started an internship yet: the registry and the service rate have people to serve.
        List<YouthEnrolment.Known> waiting = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            LocalDate born = LocalDate.of(2001 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
            boolean graduate = born.getYear() <= 2003;
            waiting.add(new YouthEnrolment.Known("演示登记" + region.substring(4) + "-" + i, idNumber(region, born, 500 + i), region,
                    graduate ? "BACHELOR" : "SECONDARY", graduate ? LocalDate.of(today.getYear() - random.nextInt(2), 6, 30) : null));
        }
        at(LocalDate.of(today.getYear(), 1, 5), 9, () -> Panache.withTransaction(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (YouthEnrolment.Known k : waiting) {
                chain = chain.call(() -> youths.findOrRegister(k));
            }
            return chain;
        }));
        activitiesAndReports(region, district, today, random);
    }

    private void activitiesAndReports(String region, Caller district, LocalDate today, Random random) {
        for (YearMonth m = YearMonth.from(LocalDate.of(today.getYear(), 1, 1)); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            YearMonth month = m;
            LocalDate fair = month.atDay(15);
            LocalDate session = month.atDay(22);
            if (fair.isBefore(today)) {
                String key = "activity/" + region + "/" + month;
                at(fair.minusDays(7), 9, () -> activities.create(district, new ActivityService.Activity(null, "MATCHING_OFFLINE", region,
                        fair, month.getMonthValue() + " 月见习岗位双选会", "区县人社局", "区县人力资源市场", null, 6 + random.nextInt(10),
                        40 + random.nextInt(60), 5 + random.nextInt(20), 10 + random.nextInt(30), 0, 0, 0, 0)).invoke(a -> ids.put(key, a.id())));
                for (int k = 0; k < 3; k++) {
                    String youthKey = "youth/" + region + "/" + random.nextInt(20);
                    at(fair.minusDays(3), 9 + k, () -> ids.get(youthKey) == null ? Uni.createFrom().voidItem()
                            : activities.signUp(new Caller("demo", null, "demo_youth", "演示青年", Role.YOUTH, region, null, null,
                                    ids.get(youthKey), null, null), ids.get(key)));
                }
                at(fair.plusDays(25).isBefore(today) ? fair.plusDays(25) : today, 8, () -> pool.preparedQuery("""
                                select id from internship where region_code = $1 and origin = 'OFFLINE' and state <> 'PENDING'
                                  and start_date between $2 and $3 order by id limit 3""")
                        .execute(Tuple.of(region, fair, fair.plusDays(20))).flatMap(rows -> {
                            List<Long> linked = new ArrayList<>();
                            rows.forEach(r -> linked.add(r.getLong(0)));
                            return linked.isEmpty() ? Uni.createFrom().voidItem() : activities.addPlacements(district, ids.get(key), linked);
                        }));
            }
            if (session.isBefore(today)) {
                at(session.minusDays(5), 9, () -> activities.create(district, new ActivityService.Activity(null, "POLICY_SESSION", region,
                        session, "见习政策进校园（" + month.getMonthValue() + " 月）", "区县人社局", "区内高校", null, 0, 0, 0, 0,
                        10 + random.nextInt(20), 60 + random.nextInt(120), 0, 0)));
            }
            // The month's report, submitted on its due day and accepted the next working day.
            // The demo does not need the holiday calendar: weekends alone give its due dates.
            LocalDate due = WorkCalendar.nthWorkingDay(month.plusMonths(1), WorkCalendar.DUE_WORKING_DAY, Map.of());
            // 万州区 (the demo district account) leaves last month open, for the district to submit itself.
            boolean leftOpen = "500101".equals(region) && month.equals(YearMonth.from(today).minusMonths(1));
            if (due.plusDays(1).isBefore(today) && !leftOpen) {
                at(due, 17, () -> reports.submit(district, region, month,
                        new MonthlyReportWorkflow.Submission("演示填报员", "023-60001234", due, null)));
                at(due.plusDays(1), 10, () -> reports.accept(Caller.system("演示数据"), region, month));
            }
        }
        if ("500101".equals(region) || "500103".equals(region)) {
            // Announced, still to come: what the public door lists under 近期活动.
            LocalDate fair = today.plusDays(10);
            LocalDate session = today.plusDays(17);
            at(today.minusDays(2), 10, () -> activities.create(district, new ActivityService.Activity(null, "MATCHING_OFFLINE", region,
                    fair, "岁末见习岗位双选会", "区县人社局", "区县人力资源市场", null, 0, 0, 0, 0, 0, 0, 0, 0)).replaceWithVoid());
            at(today.minusDays(2), 11, () -> activities.create(district, new ActivityService.Activity(null, "POLICY_SESSION", region,
                    session, "就业见习政策宣讲会（预告）", "区县人社局", "区内高校", null, 0, 0, 0, 0, 0, 0, 0, 0)).replaceWithVoid());
        }
        if ("500103".equals(region)) {
            // A placement arranged offline two months ago and entered only yesterday: that month's accepted report shows the drift.
            LocalDate late = YearMonth.from(today).minusMonths(2).atDay(20);
            at(today.minusDays(1), 15, () -> pool.preparedQuery("""
                            select p.id, p.base_id from position p join base b on b.id = p.base_id
                            where b.region_code = $1 and b.status = 'APPROVED' and b.id >= 100000
                              and p.first_published_at < $2 order by p.id desc limit 1""")
                    .execute(Tuple.of(region, late.atStartOfDay(AppClock.ZONE).toOffsetDateTime())).flatMap(rows -> {
                        Row r = rows.iterator().next();
                        return Panache.withTransaction(() -> youths.findOrRegister(new YouthEnrolment.Known("演示补录青年",
                                                idNumber(region, LocalDate.of(2003, 3, 3), 999), region, "BACHELOR",
                                        LocalDate.of(today.getYear() - 1, 6, 30))))
                                .flatMap(youthId -> agreements.recordOffline(district, new AgreementService.OfflinePlacement(youthId,
                                        r.getLong(1), r.getLong(0), new AgreementService.Agreement("周老师", null, late,
                                        late.plusMonths(6).minusDays(1), BigDecimal.valueOf(2400), late, "线下招聘会安排，延迟补录"))));
                    }));
        }
    }

    private AgreementService.OfflinePlacement placement(String key, Opening o, LocalDate start, LocalDate plannedEnd,
                                                        BigDecimal allowance, LocalDate arrivedOn) {
        return new AgreementService.OfflinePlacement(ids.get("youth/" + key), o.baseId(), o.positionId(),
                new AgreementService.Agreement("带教老师" + (char) ('A' + (int) (o.positionId() % 26)), "13800138000", start, plannedEnd,
                        allowance, arrivedOn, null));
    }

    private void at(LocalDate day, int hour, Supplier<Uni<?>> action) {
        events.add(new Event(day.atTime(LocalTime.of(hour, 0)).atZone(AppClock.ZONE).toInstant(), order++, action));
    }

    static String idNumber(String region, LocalDate born, int serial) {
        String first17 = region + born.toString().replace("-", "") + String.format("%03d", 100 + serial % 900);
        return first17 + cq.jianxi.common.validation.ResidentId.checkCharacter(first17);
    }
}
