package cq.jianxi.quality.repository;

import cq.jianxi.quality.domain.DisqualificationRule;
import cq.jianxi.quality.domain.RuleCode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** The disqualification rules as the city set them. */
@ApplicationScoped
@WithSession
public class RuleRepository implements PanacheRepositoryBase<DisqualificationRule, RuleCode> {

    public Uni<DisqualificationRule> findForUpdate(RuleCode code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
