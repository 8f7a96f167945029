package cq.jianxi.identity.repository;

import cq.jianxi.identity.domain.SecondFactor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Authenticator apps, one row per account (keyed by the account id). */
@ApplicationScoped
@WithSession
public class SecondFactorRepository implements PanacheRepositoryBase<SecondFactor, Long> {
}
