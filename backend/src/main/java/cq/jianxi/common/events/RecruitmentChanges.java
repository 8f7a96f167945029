package cq.jianxi.common.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces that recruitment figures changed, through PostgreSQL NOTIFY inside the writing
 * transaction: listeners on every backend instance hear it only if, and as soon as, it commits.
 */
@ApplicationScoped
public class RecruitmentChanges {

    public static final String CHANNEL = "recruitment_changed";

    /** Must run inside the transaction of the change. */
    public Uni<Void> announce() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("notify " + CHANNEL).executeUpdate())
                .replaceWithVoid();
    }
}
