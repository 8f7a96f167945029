package cq.jianxi.report.readmodel;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.report.readmodel.PlanFigures.Column;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's progress on every Annex 2 column for each region, each department quota and in total:
 * target, achieved ({@link PlanFigures}), the milestone due this month (the scope's saved 倒排 schedule,
 * or the default {@link MilestoneProposal} while it has none) and the gap. Behind schedule means achieved
 * below the milestone of the current month.
 */
@ApplicationScoped
public class PlanProgress {

    public static final String REGION = "REGION";
    public static final String DEPARTMENT = "DEPARTMENT";

    @Inject
    Pool pool;
    @Inject
    PlanFigures figures;
    @Inject
    AppClock clock;

    /** One column of one scope. {@code milestones} is the whole year's schedule, {@code achievedByMonth} cumulative. */
    public record ColumnProgress(Column column, long target, long achieved, long milestone, long gap, boolean behind,
                                 int[] milestones, long[] achievedByMonth) {
    }

    /**
     * A region or a department quota. {@code scheduled}: its own schedule is saved (else the proposal applies);
     * {@code category}: the position category a department's quota is limited to (null otherwise).
     */
    public record Scope(String kind, String code, String name, String category, boolean scheduled, OffsetDateTime scheduledAt,
                        String scheduledBy, List<ColumnProgress> columns) {

        public ColumnProgress column(Column c) {
            return columns.stream().filter(x -> x.column() == c).findFirst().orElseThrow();
        }

        public boolean behind() {
            return columns.stream().anyMatch(ColumnProgress::behind);
        }
    }

    /**
     * The year's progress. {@code month} is the month whose milestone is due (0 before the year, 12 after),
     * {@code total} sums the listed regions, {@code planned} is false when the year has no plan.
     */
    public record Progress(int year, LocalDate asOf, int month, boolean planned, OffsetDateTime lockedAt,
                           String lockedBy, List<ColumnProgress> total, List<Scope> regions, List<Scope> departments) {
    }

    /** Every region (or only {@code onlyRegion}) and, unless restricted to a region, every department quota. */
    public Uni<Progress> year(int year, String onlyRegion) {
        LocalDate today = clock.today();
        int month = MilestoneProposal.dueMonth(year, today);
        // One statement after another: parallel statements of one request could wait on each other's connections.
        return pool.preparedQuery("select milestones_locked_at, milestones_locked_by from plan where year = $1")
                .execute(Tuple.of(year)).flatMap(plan -> targets(year).flatMap(all -> schedules(year).flatMap(saved -> {
                    List<Target> shown = all.stream().filter(t -> onlyRegion == null
                            || (REGION.equals(t.kind) && onlyRegion.equals(t.code))).toList();
                    // Last year's pattern only matters for a scope still on the default proposal.
                    boolean proposals = shown.stream().anyMatch(t -> !saved.containsKey(t.kind + "/" + t.code));
                    Uni<PlanFigures.Year> lastYear = proposals ? figures.year(year - 1, today)
                            : Uni.createFrom().item(new PlanFigures.Year(year - 1, today, Map.of(), Map.of()));
                    return figures.year(year, today).flatMap(now -> lastYear.map(last -> {
                        Row p = plan.iterator().hasNext() ? plan.iterator().next() : null;
                        List<Scope> regions = new ArrayList<>();
                        List<Scope> departments = new ArrayList<>();
                        for (Target t : shown) {
                            Scope s = scope(t, saved.get(t.kind + "/" + t.code), now, last, year, today, month);
                            (REGION.equals(t.kind) ? regions : departments).add(s);
                        }
                        return new Progress(year, today, month, p != null,
                                p == null ? null : p.getOffsetDateTime(0), p == null ? null : p.getString(1),
                                total(regions, month), regions, departments);
                    }));
                })));
    }

    /**
     * The year's targets of every region (in Annex 2 order; zero where the plan has no row, so the dashboard
     * still shows what was achieved) and every department quota.
     */
    private record Target(String kind, String code, String name, String category, Map<Column, Long> values) {
    }

    private Uni<List<Target>> targets(int year) {
        return pool.preparedQuery("""
                select 'REGION' as kind, r.code, r.short_name as name, null::varchar as category, r.seq,
                       coalesce(t.new_bases, 0) as new_bases, coalesce(t.new_key_enterprise_bases, 0) as new_key_enterprise_bases,
                       coalesce(t.positions, 0) as positions, coalesce(t.participants, 0) as participants,
                       coalesce(t.policy_sessions, 0) as policy_sessions, coalesce(t.matching_events, 0) as matching_events,
                       coalesce(t.typical_persons, 0) as typical_persons, coalesce(t.national_nominations, 0) as national_nominations
                from region r left join plan_target t on t.region_code = r.code and t.year = $1
                union all
                select 'DEPARTMENT', d.code, d.name, d.position_category, d.seq, 0, 0, d.position_quota, 0, 0, 0, 0, 0
                from department d where d.position_quota is not null
                order by 1 desc, 5""").execute(Tuple.of(year)).map(rows -> {
            List<Target> list = new ArrayList<>();
            for (Row r : rows) {
                Map<Column, Long> values = new EnumMap<>(Column.class);
                String[] names = {"new_bases", "new_key_enterprise_bases", "positions", "participants",
                        "policy_sessions", "matching_events", "typical_persons", "national_nominations"};
                for (int i = 0; i < names.length; i++) {
                    values.put(Column.ALL.get(i), r.getLong(names[i]));
                }
                list.add(new Target(r.getString("kind"), r.getString("code"), r.getString("name"), r.getString("category"),
                        values));
            }
            return list;
        });
    }

    /** A saved schedule: when and by whom, and each column's twelve cumulative milestones. */
    private record Saved(OffsetDateTime at, String by, Map<Column, int[]> milestones) {
    }

    private Uni<Map<String, Saved>> schedules(int year) {
        return pool.preparedQuery("""
                select s.scope_kind, s.scope_code, s.updated_at, s.updated_by, m.target_column, m.month, m.cumulative
                from plan_schedule s left join plan_milestone m
                  on m.year = s.year and m.scope_kind = s.scope_kind and m.scope_code = s.scope_code
                where s.year = $1""").execute(Tuple.of(year)).map(rows -> {
            Map<String, Saved> map = new HashMap<>();
            for (Row r : rows) {
                Saved s = map.computeIfAbsent(r.getString(0) + "/" + r.getString(1),
                        k -> new Saved(r.getOffsetDateTime(2), r.getString(3), new EnumMap<>(Column.class)));
                if (r.getString(4) != null) {
                    s.milestones.computeIfAbsent(Column.valueOf(r.getString(4)), c -> new int[12])[r.getInteger(5) - 1] =
                            r.getInteger(6);
                }
            }
            return map;
        });
    }

    private static Scope scope(Target t, Saved saved, PlanFigures.Year now, PlanFigures.Year last, int year,
                               LocalDate today, int month) {
        List<ColumnProgress> columns = new ArrayList<>();
        List<Column> own = REGION.equals(t.kind) ? Column.ALL : List.of(Column.POSITIONS);
        for (Column c : own) {
            long[] cumulative;
            long[] pattern;
            if (REGION.equals(t.kind)) {
                cumulative = now.region(t.code).cumulative(c);
                pattern = last.region(t.code).increments().get(c);
            } else {
                cumulative = PlanFigures.running(now.department(t.code));
                pattern = last.department(t.code);
            }
            long target = t.values.get(c);
            int[] milestones = saved != null && saved.milestones.containsKey(c) ? saved.milestones.get(c)
                    : MilestoneProposal.propose(year, today, target, cumulative, pattern);
            columns.add(progress(c, target, cumulative, milestones, month));
        }
        return new Scope(t.kind, t.code, t.name, t.category, saved != null, saved == null ? null : saved.at,
                saved == null ? null : saved.by, columns);
    }

    static ColumnProgress progress(Column c, long target, long[] cumulative, int[] milestones, int month) {
        long achieved = cumulative[11];
        long due = month == 0 ? 0 : milestones[month - 1];
        return new ColumnProgress(c, target, achieved, due, Math.max(0, due - achieved), achieved < due,
                milestones, cumulative);
    }

    private static List<ColumnProgress> total(List<Scope> regions, int month) {
        List<ColumnProgress> out = new ArrayList<>();
        for (Column c : Column.ALL) {
            long target = 0;
            long[] cumulative = new long[12];
            int[] milestones = new int[12];
            for (Scope s : regions) {
                ColumnProgress p = s.column(c);
                target += p.target();
                for (int m = 0; m < 12; m++) {
                    cumulative[m] += p.achievedByMonth()[m];
                    milestones[m] += p.milestones()[m];
                }
            }
            out.add(progress(c, target, cumulative, milestones, month));
        }
        return out;
    }
}
