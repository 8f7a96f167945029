package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.AuthSession;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Login sessions. */
@ApplicationScoped
@WithSession
public class AuthSessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {
}
