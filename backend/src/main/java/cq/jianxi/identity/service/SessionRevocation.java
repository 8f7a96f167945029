package cq.jianxi.identity.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.SessionEndReason;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * Ends sessions inside the caller's transaction and announces it through PostgreSQL NOTIFY, which is
 * delivered on commit to every backend instance, so open streams of those sessions close at once.
 */
@ApplicationScoped
public class SessionRevocation {

    /** The NOTIFY channel; the payload is the account id. */
    public static final String CHANNEL = "jianxi_session_ended";

    @Inject
    AppClock clock;

    /** Ends every live session of the account. Must run inside an open transaction. */
    public Uni<Integer> endAll(long userId, SessionEndReason reason) {
        return endAllExcept(userId, null, reason);
    }

    /** Ends every live session of the account but {@code keep} (the caller's own, on a password change). */
    public Uni<Integer> endAllExcept(long userId, UUID keep, SessionEndReason reason) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update auth_session set revoked_at = :at, ended_reason = :reason
                        where user_id = :user and revoked_at is null and (cast(:keep as uuid) is null or id <> cast(:keep as uuid))""")
                .setParameter("at", clock.now())
                .setParameter("reason", reason.name())
                .setParameter("user", userId)
                .setParameter("keep", keep == null ? null : keep.toString())
                .executeUpdate()
                .call(() -> notifyEnded(userId)));
    }

    /** Ends the sessions of every account of a base (its filing was revoked). Inside a transaction. */
    public Uni<Integer> endAllOfBase(long baseId, SessionEndReason reason) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select id from user_account where base_id = :base", Long.class)
                .setParameter("base", baseId).getResultList())
                .flatMap(ids -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Long id : ids) {
                        chain = chain.flatMap(n -> endAll(id, reason).map(m -> n + m));
                    }
                    return chain;
                });
    }

    /** One session (logout): announced like the others so its stream closes. */
    public Uni<Void> announce(long userId) {
        return notifyEnded(userId);
    }

    private Uni<Void> notifyEnded(long userId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select cast(pg_notify(:channel, :payload) as text)")
                .setParameter("channel", CHANNEL)
                .setParameter("payload", Long.toString(userId))
                .getSingleResultOrNull())
                .replaceWithVoid();
    }
}
