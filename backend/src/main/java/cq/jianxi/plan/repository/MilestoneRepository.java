package cq.jianxi.plan.repository;

import cq.jianxi.plan.domain.ScheduleScope;
import cq.jianxi.plan.domain.TargetColumn;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The plan context's schedule tables. Writes go through the current Hibernate Reactive session, so they share
 * the caller's transaction and the row lock on the plan year that serializes them with the city's lock.
 */
@ApplicationScoped
public class MilestoneRepository {

    /**
     * Whether the plan year's schedules are locked, the plan row locked until the transaction ends; null
     * without a plan.
     */
    public Uni<Boolean> lockYear(int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select milestones_locked_at is not null from plan where year = :y for update", Boolean.class)
                .setParameter("y", year).getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Void> setLock(int year, OffsetDateTime at, String by) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "update plan set milestones_locked_at = :at, milestones_locked_by = :by where year = :y")
                .setParameter("at", at).setParameter("by", by).setParameter("y", year).executeUpdate()).replaceWithVoid();
    }

    /** Replaces one scope's schedule with the given columns' twelve cumulative milestones. */
    public Uni<Void> replace(int year, ScheduleScope kind, String code, Map<TargetColumn, List<Integer>> columns,
                             OffsetDateTime at, String by) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into plan_schedule (year, scope_kind, scope_code, updated_at, updated_by)
                        values (:y, :k, :c, :at, :by)
                        on conflict (year, scope_kind, scope_code) do update set updated_at = :at, updated_by = :by""")
                .setParameter("y", year).setParameter("k", kind.name()).setParameter("c", code)
                .setParameter("at", at).setParameter("by", by).executeUpdate()
                .chain(() -> s.createNativeQuery(
                                "delete from plan_milestone where year = :y and scope_kind = :k and scope_code = :c")
                        .setParameter("y", year).setParameter("k", kind.name()).setParameter("c", code).executeUpdate())
                .chain(() -> {
                    StringBuilder values = new StringBuilder();
                    columns.forEach((column, months) -> {
                        for (int m = 0; m < 12; m++) {
                            values.append(values.isEmpty() ? "" : ",").append("('").append(column.name()).append("',")
                                    .append(m + 1).append(',').append(months.get(m).intValue()).append(')');
                        }
                    });
                    // Values are enum names and validated integers only, so the statement is built from them.
                    return s.createNativeQuery("""
                                    insert into plan_milestone (year, scope_kind, scope_code, target_column, month, cumulative)
                                    select :y, :k, :c, v.col, v.m, v.n from (values %s) as v (col, m, n)""".formatted(values))
                            .setParameter("y", year).setParameter("k", kind.name()).setParameter("c", code).executeUpdate();
                })).replaceWithVoid();
    }
}
