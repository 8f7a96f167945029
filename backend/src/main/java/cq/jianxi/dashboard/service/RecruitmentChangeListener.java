package cq.jianxi.dashboard.service;

import cq.jianxi.common.events.RecruitmentChanges;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hears recruitment changes from every backend instance through PostgreSQL LISTEN and re-broadcasts
 * them to this instance's dashboard streams, coalescing bursts into one tick.
 */
@ApplicationScoped
public class RecruitmentChangeListener {

    private static final Logger LOG = Logger.getLogger(RecruitmentChangeListener.class);
    static final long COALESCE_MILLIS = 200;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private Subscription subscription;

    void start(@Observes StartupEvent event) {
        subscription = open(vertx, options(url, username, password));
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Ticks, one per (coalesced) committed change. */
    public Multi<Long> changes() {
        return subscription.ticks();
    }

    public static PgConnectOptions options(String url, String username, String password) {
        String uri = url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url;
        return PgConnectOptions.fromUri(uri).setUser(username).setPassword(password);
    }

    /** Opens an independent LISTEN connection; each backend instance holds one. */
    public static Subscription open(Vertx vertx, PgConnectOptions options) {
        BroadcastProcessor<Long> processor = BroadcastProcessor.create();
        AtomicBoolean pending = new AtomicBoolean();
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> 1000L);
        subscriber.channel(RecruitmentChanges.CHANNEL).handler(payload -> {
            if (pending.compareAndSet(false, true)) {
                vertx.setTimer(COALESCE_MILLIS, id -> {
                    pending.set(false);
                    processor.onNext(System.currentTimeMillis());
                });
            }
        });
        subscriber.connect().subscribe().with(
                ok -> LOG.debug("Listening for recruitment changes"),
                failure -> LOG.warn("Could not listen for recruitment changes; retrying", failure));
        return new Subscription(subscriber, processor);
    }

    /** One LISTEN connection and the ticks it produces. */
    public record Subscription(PgSubscriber subscriber, BroadcastProcessor<Long> processor) {
        public Multi<Long> ticks() {
            return processor;
        }

        public void close() {
            subscriber.close().subscribe().with(v -> { }, e -> { });
            processor.onComplete();
        }
    }
}
