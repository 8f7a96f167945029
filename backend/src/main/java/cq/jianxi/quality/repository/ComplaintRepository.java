package cq.jianxi.quality.repository;

import cq.jianxi.quality.domain.BaseComplaint;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Complaints against bases, the latest received first. */
@ApplicationScoped
@WithSession
public class ComplaintRepository implements PanacheRepositoryBase<BaseComplaint, Long> {

    /** Filters are optional (null = any). */
    public PanacheQuery<BaseComplaint> search(String regionCode, Long baseId) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (regionCode != null) {
            where.append(" and regionCode = :region");
            params.and("region", regionCode);
        }
        if (baseId != null) {
            where.append(" and baseId = :base");
            params.and("base", baseId);
        }
        return find(where.toString(), Sort.descending("receivedOn", "id"), params);
    }

    public Uni<BaseComplaint> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
