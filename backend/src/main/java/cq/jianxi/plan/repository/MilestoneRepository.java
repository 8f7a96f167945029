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

    /** The plan year's lock state, the plan row locked until the transaction ends; null without a plan. */
    public record YearLock(int year, OffsetDateTime lockedAt, String lockedBy) {
    }

    public Uni<YearLock> lockYear(int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select cast(milestones_locked_at as text), milestones_locked_by from plan where year = :y for update")
                .setParameter("y", year).getResultList()).map(rows -> {
            if (rows.isEmpty()) {
                return null;
            }
            Object[] r = (Object[]) rows.get(0);
            return new YearLock(year, r[0] == null ? null : parse((String) r[0]), (String) r[1]);
        });
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

    private static OffsetDateTime parse(String text) {
        // PostgreSQL's text form of timestamptz: "2026-11-18 10:00:00+08" (fraction optional).
        String iso = text.replace(' ', 'T');
        if (iso.matches(".*[+-]\\d\\d$")) {
            iso = iso + ":00";
        }
        return OffsetDateTime.parse(iso);
    }
}
