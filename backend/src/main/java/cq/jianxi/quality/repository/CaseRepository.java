package cq.jianxi.quality.repository;

import cq.jianxi.quality.domain.CaseStatus;
import cq.jianxi.quality.domain.DisqualificationCase;
import cq.jianxi.quality.domain.RuleCode;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;

/** Disqualification cases, newest warning first. */
@ApplicationScoped
@WithSession
public class CaseRepository implements PanacheRepositoryBase<DisqualificationCase, Long> {

    private static final List<CaseStatus> OPEN = List.of(CaseStatus.WARNED, CaseStatus.RECTIFYING);

    /** Cases of a region (null: every region). */
    public Uni<List<DisqualificationCase>> ofRegion(String regionCode) {
        return regionCode == null ? findAll(Sort.descending("warnedAt", "id")).list()
                : find("regionCode", Sort.descending("warnedAt", "id"), regionCode).list();
    }

    public PanacheQuery<DisqualificationCase> ofBase(long baseId) {
        return find("baseId", Sort.descending("warnedAt", "id"), baseId);
    }

    public Uni<DisqualificationCase> openOf(long baseId, RuleCode rule) {
        return find("baseId = ?1 and rule = ?2 and status in ?3", baseId, rule, OPEN).firstResult();
    }

    public Uni<List<DisqualificationCase>> openOf(long baseId) {
        return find("baseId = ?1 and status in ?2", baseId, OPEN).list();
    }

    public Uni<DisqualificationCase> findForUpdate(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
