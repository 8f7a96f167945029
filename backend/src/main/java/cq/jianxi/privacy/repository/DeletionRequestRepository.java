package cq.jianxi.privacy.repository;

import cq.jianxi.privacy.domain.DeletionRequest;
import cq.jianxi.privacy.domain.DeletionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Deletion requests: the pending ones oldest first (they wait longest), decided ones after them. */
@ApplicationScoped
@WithSession
public class DeletionRequestRepository implements PanacheRepositoryBase<DeletionRequest, Long> {

    /** Filters are optional: region null means every region, status null every status. */
    public PanacheQuery<DeletionRequest> search(String regionCode, DeletionStatus status) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (regionCode != null) {
            where.append(" and regionCode = :region");
            params.and("region", regionCode);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return find(where.toString(), Sort.ascending("requestedAt", "id"), params);
    }

    public PanacheQuery<DeletionRequest> ofYouth(long youthId) {
        return find("youthId", Sort.descending("requestedAt", "id"), youthId);
    }

    public Uni<DeletionRequest> pendingOf(long youthId) {
        return find("youthId = ?1 and status = ?2", youthId, DeletionStatus.PENDING).firstResult();
    }

    public Uni<DeletionRequest> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
