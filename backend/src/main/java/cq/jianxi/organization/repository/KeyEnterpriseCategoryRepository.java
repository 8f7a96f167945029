package cq.jianxi.organization.repository;

import cq.jianxi.organization.domain.KeyEnterpriseCategory;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads the key-enterprise categories of Annex 3. */
@ApplicationScoped
@WithSession
public class KeyEnterpriseCategoryRepository implements PanacheRepositoryBase<KeyEnterpriseCategory, String> {

    public Uni<List<KeyEnterpriseCategory>> listInOrder() {
        return list("order by seq");
    }
}
