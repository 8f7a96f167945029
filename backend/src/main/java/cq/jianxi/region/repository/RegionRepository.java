package cq.jianxi.region.repository;

import cq.jianxi.region.domain.Region;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads the reporting units; they change only by migration. */
@ApplicationScoped
@WithSession
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    public Uni<List<Region>> listInOrder() {
        return list("order by seq");
    }
}
