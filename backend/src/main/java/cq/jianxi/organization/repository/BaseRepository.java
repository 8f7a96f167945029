package cq.jianxi.organization.repository;

import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseStatus;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Base filings. */
@ApplicationScoped
@WithSession
public class BaseRepository implements PanacheRepositoryBase<Base, Long> {

    public Uni<Base> findByIdForUpdate(Long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Base> findLiveFiling(Long employerId) {
        return find("employerId = ?1 and status in ?2", employerId,
                java.util.List.of(BaseStatus.PENDING, BaseStatus.APPROVED)).firstResult();
    }

    /**
     * Filters are optional (null = any). Keyword matches the base name; {@code overdueOn} keeps pending
     * filings whose review deadline is before that day.
     */
    public PanacheQuery<Base> search(String regionCode, BaseStatus status, String keyword, Long baseId,
                                     java.time.LocalDate overdueOn) {
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
        if (baseId != null) {
            where.append(" and id = :id");
            params.and("id", baseId);
        }
        if (overdueOn != null) {
            where.append(" and status = :pending and reviewDeadline < :today");
            params.and("pending", BaseStatus.PENDING).and("today", overdueOn);
        }
        if (keyword != null) {
            where.append(" and lower(name) like :kw escape '\\'");
            params.and("kw", "%" + Likes.escape(keyword.toLowerCase()) + "%");
        }
        return find(where.toString(), Sort.descending("appliedAt", "id"), params);
    }
}
