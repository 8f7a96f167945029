package cq.jianxi.organization.repository;

import cq.jianxi.organization.domain.KeyEnterpriseEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Rows of the key-enterprise lists. */
@ApplicationScoped
@WithSession
public class KeyEnterpriseEntryRepository implements PanacheRepositoryBase<KeyEnterpriseEntry, Long> {
}
