package cq.jianxi.audit.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Keeps the audit log for the configured retention (jianxi.audit.retention, at least 180 days: a shorter
 * setting stops the application from starting rather than being quietly raised) and purges older rows
 * every night through the database's audit_purge(), which refuses anything younger than its own minimum.
 */
@ApplicationScoped
public class AuditRetention {

    /** 等保2.0 三级: audit records are kept for at least six months. */
    public static final Duration MINIMUM = Duration.ofDays(180);
    static final int BATCH = 10_000;
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    @ConfigProperty(name = "jianxi.audit.retention", defaultValue = "P180D")
    Duration retention;
    @Inject
    AppClock clock;
    @Inject
    AuditService audit;

    void checkOnStart(@Observes StartupEvent event) {
        requireAtLeastMinimum(retention);
    }

    /** Refuses a retention below the legal minimum. */
    public static Duration requireAtLeastMinimum(Duration configured) {
        if (configured == null || configured.compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("jianxi.audit.retention is " + configured
                    + ": audit records must be kept at least " + MINIMUM.toDays() + " days (P180D)");
        }
        return configured;
    }

    public Duration retention() {
        return retention;
    }

    @Scheduled(cron = "${jianxi.audit.purge-cron:0 30 3 * * ?}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        return purgeOlderThan(clock.now().minus(retention)).invoke(n -> {
            if (n > 0) {
                LOG.infof("Purged %d audit records older than %d days", n, retention.toDays());
            }
        }).replaceWithVoid();
    }

    /** Purges in batches until nothing before the cut-off is left; each batch is audited with its count. */
    public Uni<Long> purgeOlderThan(OffsetDateTime cutoff) {
        return batch(cutoff).flatMap(n -> n < BATCH ? Uni.createFrom().item(n) : purgeOlderThan(cutoff).map(m -> n + m));
    }

    private Uni<Long> batch(OffsetDateTime cutoff) {
        return Panache.withTransaction(() -> Panache.getSession()
                // Never asks for more than the database allows by its own clock, whatever the skew between hosts.
                .flatMap(s -> s.createNativeQuery("select audit_purge(least(cast(:cutoff as timestamptz),"
                                + " (select now() - min_retention from audit_chain where id = 1)), :max)", Long.class)
                        .setParameter("cutoff", cutoff).setParameter("max", BATCH).getSingleResult())
                .call(n -> n == 0 ? Uni.createFrom().voidItem()
                        : audit.record(Caller.system("审计日志保存期限清理"), AuditAction.AUDIT_PURGED, "audit_event", null,
                        "清理 " + n + " 条早于 " + cutoff + " 的记录（保存期限 " + retention.toDays() + " 天）")));
    }
}
