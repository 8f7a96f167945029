package cq.jianxi.plan.repository;

import cq.jianxi.plan.domain.Plan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Plan years. */
@ApplicationScoped
@WithSession
public class PlanRepository implements PanacheRepositoryBase<Plan, Integer> {

    public Uni<List<Plan>> listNewestFirst() {
        return list("order by year desc");
    }
}
