package cq.jianxi.position.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Closes positions whose application deadline has passed; safe to run on every instance at once. */
@ApplicationScoped
public class PositionExpiryJob {

    private static final Logger LOG = Logger.getLogger(PositionExpiryJob.class);

    @Inject
    PositionService positions;

    @Scheduled(every = "${jianxi.positions.expiry-check:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> closeExpired() {
        return positions.closeExpired()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("Closed %d positions past their deadline", count);
                    }
                })
                .replaceWithVoid();
    }
}
