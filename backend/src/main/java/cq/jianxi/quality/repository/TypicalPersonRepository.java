package cq.jianxi.quality.repository;

import cq.jianxi.quality.domain.TypicalPerson;
import cq.jianxi.quality.domain.TypicalPersonStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Typical persons, the latest submitted first. */
@ApplicationScoped
@WithSession
public class TypicalPersonRepository implements PanacheRepositoryBase<TypicalPerson, Long> {

    /** Filters are optional (null = any). */
    public PanacheQuery<TypicalPerson> search(String regionCode, TypicalPersonStatus status, Integer year) {
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
        if (year != null) {
            where.append(" and year = :year");
            params.and("year", year);
        }
        return find(where.toString(), Sort.descending("submittedAt", "id"), params);
    }

    public Uni<TypicalPerson> ofInternship(long internshipId) {
        return find("internshipId", internshipId).firstResult();
    }

    public Uni<TypicalPerson> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
