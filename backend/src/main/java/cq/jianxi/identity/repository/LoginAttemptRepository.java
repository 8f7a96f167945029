package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.LoginAttempt;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/** Password checks per account and client address, for the lockout rule. */
@ApplicationScoped
@WithSession
public class LoginAttemptRepository implements PanacheRepositoryBase<LoginAttempt, Long> {

    /** The time of the latest successful login after {@code since}, or null. */
    public Uni<OffsetDateTime> lastSuccessSince(String username, String ip, OffsetDateTime since) {
        return find("username = :u and ip is not distinct from :ip and success = true and at > :since order by at desc",
                Parameters.with("u", username).and("ip", ip).and("since", since))
                .firstResult()
                .map(a -> a == null ? null : a.at);
    }

    /** Failed attempts after {@code since}, oldest first: the oldest decides when a lock lifts. */
    public Uni<java.util.List<LoginAttempt>> failuresSince(String username, String ip, OffsetDateTime since) {
        return list("username = :u and ip is not distinct from :ip and success = false and at > :since order by at",
                Parameters.with("u", username).and("ip", ip).and("since", since));
    }
}
