package cq.jianxi.position.repository;

import cq.jianxi.position.domain.Position;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Positions. Searches that join bases and employers live in PositionQueries. */
@ApplicationScoped
@WithSession
public class PositionRepository implements PanacheRepositoryBase<Position, Long> {

    public Uni<Position> findByIdForUpdate(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
