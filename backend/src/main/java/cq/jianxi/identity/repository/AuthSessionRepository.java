package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.AuthSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Login sessions. */
@ApplicationScoped
@WithSession
public class AuthSessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    /** When the account's latest session began (its last completed login), or null. */
    public Uni<OffsetDateTime> lastOpenedBy(Long userId) {
        return find("userId = ?1 order by createdAt desc", userId).firstResult().map(s -> s == null ? null : s.createdAt);
    }
}
