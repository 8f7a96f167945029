package cq.jianxi.internship.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Reminds a base, once, of each internship that passed its planned end with no end recorded, so the
 * to-be-closed list empties and indicator 13 stays true. Rows are claimed with SKIP LOCKED, so two
 * instances running the job at once never remind twice.
 */
@ApplicationScoped
public class ToBeClosedReminder {

    static final int BATCH = 500;

    @Inject
    AppClock clock;
    @Inject
    NotificationService notifications;

    @Scheduled(every = "${jianxi.internships.close-reminder-check:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return remindAll();
    }

    /** Batch after batch until nothing is due, so a backlog is never left for the next hour. */
    Uni<Void> remindAll() {
        return remind().flatMap(sent -> sent == BATCH ? remindAll() : Uni.createFrom().voidItem());
    }

    /** Sends the reminders due now; returns how many were sent. */
    @WithTransaction
    public Uni<Integer> remind() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update internship set close_reminded_at = :now
                        where id in (select id from internship where state = 'ON_POST' and planned_end < :today
                                     and close_reminded_at is null order by id limit :batch for update skip locked)
                        returning id, base_id, cast(planned_end as varchar)""", Object[].class)
                .setParameter("now", clock.now()).setParameter("today", clock.today()).setParameter("batch", BATCH)
                .getResultList())
                .flatMap(rows -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Object[] r : (List<Object[]>) rows) {
                        long id = ((Number) r[0]).longValue();
                        long base = ((Number) r[1]).longValue();
                        chain = chain.call(() -> notifications.toBase(base, NotificationKind.INTERNSHIP_TO_BE_CLOSED, "见习待结束",
                                "编号 " + id + " 的见习已于 " + r[2] + " 到达计划结束日，请登记完成见习、提前留用或非正常结束。",
                                "/base/internships"));
                    }
                    return chain.replaceWith(rows.size());
                });
    }
}
