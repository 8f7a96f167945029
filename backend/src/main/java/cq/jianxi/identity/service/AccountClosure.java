package cq.jianxi.identity.service;

import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Closes a young person's account when their personal data is deleted: the account is disabled, so it
 * can no longer log in, and every open session is revoked, so tokens already issued stop working at once.
 */
@ApplicationScoped
public class AccountClosure {

    @Inject
    AppClock clock;

    @Inject
    SessionRevocation revocation;

    /** Runs inside the caller's transaction; returns how many sessions it ended. */
    public Uni<Integer> closeYouthAccount(long youthId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("update user_account set enabled = false where youth_id = :youth")
                .setParameter("youth", youthId).executeUpdate()
                .flatMap(accounts -> s.createNativeQuery("select id from user_account where youth_id = :youth", Long.class)
                        .setParameter("youth", youthId).getResultList()))
                .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                        // Ended like any other: announced, so the account's open streams close too.
                        : revocation.endAll(ids.get(0), cq.jianxi.identity.domain.SessionEndReason.ACCOUNT_CLOSED));
    }
}
