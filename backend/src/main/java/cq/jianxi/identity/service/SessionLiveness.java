package cq.jianxi.identity.service;

import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Tells long-lived responses (the dashboard's SSE stream) when their session ends: at once when any
 * instance revokes it (LISTEN on {@link SessionRevocation#CHANNEL}), and by a periodic check for the
 * idle and absolute timeouts, which nobody announces.
 */
@ApplicationScoped
public class SessionLiveness {

    private static final Logger LOG = Logger.getLogger(SessionLiveness.class);
    static final Duration RECHECK = Duration.ofSeconds(30);

    @Inject
    Vertx vertx;
    @Inject
    Pool pool;
    @Inject
    AppClock clock;
    @Inject
    AuthConfig config;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private final BroadcastProcessor<Long> ended = BroadcastProcessor.create();
    private PgSubscriber subscriber;

    void start(@Observes StartupEvent event) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(uri).setUser(username).setPassword(password))
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(SessionRevocation.CHANNEL).handler(payload -> {
            try {
                ended.onNext(Long.parseLong(payload.trim()));
            } catch (NumberFormatException e) {
                LOG.debugf("Ignoring session notification %s", payload);
            }
        });
        subscriber.connect().subscribe().with(ok -> LOG.debug("Listening for ended sessions"),
                failure -> LOG.warn("Could not listen for ended sessions; retrying", failure));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().subscribe().with(v -> { }, e -> { });
        }
        ended.onComplete();
    }

    /**
     * Emits one item when the caller's session is no longer live, then completes. For tokens without a
     * built-in session (external OIDC) it never emits: the provider's token expiry governs those.
     */
    public Multi<Boolean> endOf(Caller caller) {
        if (caller.sessionId() == null || caller.userId() == null || !config.embedded()) {
            return Multi.createFrom().nothing();
        }
        UUID sid = UUID.fromString(caller.sessionId());
        Multi<Long> triggers = Multi.createBy().merging().streams(
                ended.filter(userId -> userId.equals(caller.userId())),
                Multi.createFrom().ticks().every(RECHECK));
        return triggers
                .onItem().transformToUniAndConcatenate(t -> isLive(sid))
                .filter(live -> !live)
                .select().first();
    }

    /** Whether the session may still be used (same rule as the token check in SessionAugmentor). */
    public Uni<Boolean> isLive(UUID sid) {
        OffsetDateTime now = clock.now();
        return pool.preparedQuery("select last_seen_at, expires_at, revoked_at from auth_session where id = $1")
                .execute(Tuple.of(sid))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return false;
                    }
                    Row row = rows.iterator().next();
                    return row.getOffsetDateTime("revoked_at") == null
                            && row.getOffsetDateTime("expires_at").isAfter(now)
                            && row.getOffsetDateTime("last_seen_at").plus(config.idleTimeout()).isAfter(now);
                });
    }
}
