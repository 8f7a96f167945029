package cq.jianxi.plan.repository;

import cq.jianxi.plan.domain.PlanTarget;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Region targets of a plan year. */
@ApplicationScoped
@WithSession
public class PlanTargetRepository implements PanacheRepositoryBase<PlanTarget, PlanTarget.Key> {

    public Uni<List<PlanTarget>> listForYear(int year) {
        return list("year", year);
    }

    public Uni<Long> deleteYear(int year) {
        return delete("year = :year", Parameters.with("year", year));
    }
}
