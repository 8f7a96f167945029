package cq.jianxi.plan.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.plan.domain.ScheduleScope;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.report.readmodel.PlanProgress;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 倒排时间进度: a district schedules its eight targets, a department with a quota its positions, as
 * cumulative monthly milestones; editable until the city locks the year. Each month is at least the one
 * before, and December reaches the target.
 */
@ApplicationScoped
public class MilestoneService {

    @Inject
    MilestoneWrites writes;
    @Inject
    PlanProgress progress;

    /** One scope's schedule with its progress, and the year's lock. */
    public record Schedule(PlanProgress.Progress year, PlanProgress.Scope scope) {
    }

    /** One column's twelve cumulative milestones as submitted. */
    public record ColumnMilestones(TargetColumn column, List<Integer> milestones) {
    }

    public Uni<Schedule> view(Caller caller, int year, ScheduleScope kind, String code) {
        authorize(caller, kind, code);
        return load(year, kind, code);
    }

    /**
     * Saves one scope's schedule whole: every column it schedules, twelve months each. Checked against the
     * targets before the write's transaction opens, then read back once it has committed.
     */
    public Uni<Schedule> save(Caller caller, int year, ScheduleScope kind, String code, List<ColumnMilestones> columns) {
        authorize(caller, kind, code);
        return load(year, kind, code)
                .flatMap(current -> writes.replace(caller, year, kind, code, validate(kind, columns, current.scope()),
                        current.scope().name()))
                .flatMap(x -> load(year, kind, code));
    }

    /** The city locks (or reopens) every schedule of the year. */
    public Uni<PlanProgress.Progress> setLocked(Caller caller, int year, boolean locked) {
        caller.requireRole(Role.CITY_ADMIN);
        return writes.setLocked(caller, year, locked).flatMap(x -> progress.year(year, null));
    }

    public Uni<Schedule> load(int year, ScheduleScope kind, String code) {
        return progress.year(year, kind == ScheduleScope.REGION ? code : null).map(p -> {
            if (!p.planned()) {
                throw ApiProblem.notFound(year + " 年度计划尚未导入");
            }
            List<PlanProgress.Scope> scopes = kind == ScheduleScope.REGION ? p.regions() : p.departments();
            PlanProgress.Scope scope = scopes.stream().filter(s -> s.code().equals(code)).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound(kind == ScheduleScope.REGION
                            ? "该区县没有本年度目标" : "该部门没有岗位募集任务"));
            return new Schedule(p, scope);
        });
    }

    /** District admins their own region, department users their own quota; the city any scope. */
    static void authorize(Caller caller, ScheduleScope kind, String code) {
        if (kind == ScheduleScope.REGION) {
            caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
            caller.requireRegion(code);
            return;
        }
        caller.requireRole(Role.CITY_ADMIN, Role.DEPARTMENT);
        if (caller.is(Role.DEPARTMENT) && !code.equals(caller.departmentCode())) {
            throw ApiProblem.forbidden("只能安排本部门的岗位募集进度");
        }
    }

    static Map<TargetColumn, List<Integer>> validate(ScheduleScope kind, List<ColumnMilestones> columns,
                                                     PlanProgress.Scope scope) {
        List<TargetColumn> expected = kind == ScheduleScope.REGION ? TargetColumn.ALL : List.of(TargetColumn.POSITIONS);
        List<Violation> violations = new ArrayList<>();
        Map<TargetColumn, List<Integer>> out = new EnumMap<>(TargetColumn.class);
        for (int i = 0; i < columns.size(); i++) {
            ColumnMilestones c = columns.get(i);
            String at = "columns[" + i + "]";
            if (!expected.contains(c.column())) {
                violations.add(Violation.of(at + ".column", "部门只安排募集见习岗位一项"));
                continue;
            }
            if (out.containsKey(c.column())) {
                violations.add(Violation.of(at + ".column", c.column().label() + " 重复"));
                continue;
            }
            out.put(c.column(), c.milestones());
            List<Integer> m = c.milestones();
            for (int k = 1; k < 12; k++) {
                if (m.get(k) < m.get(k - 1)) {
                    violations.add(Violation.of(at + ".milestones[" + k + "]",
                            c.column().label() + " " + (k + 1) + " 月累计进度不能低于 " + k + " 月（" + m.get(k - 1) + "）"));
                }
            }
            long target = scope.column(cq.jianxi.report.readmodel.PlanFigures.Column.valueOf(c.column().name())).target();
            if (m.get(11) < target) {
                violations.add(Violation.of(at + ".milestones[11]",
                        c.column().label() + " 12 月累计进度须达到年度目标 " + target));
            }
        }
        for (TargetColumn column : expected) {
            if (!out.containsKey(column) && violations.isEmpty()) {
                violations.add(Violation.of("columns", "缺少 " + column.label() + " 的进度"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.rule("倒排进度有 " + violations.size() + " 处错误，未保存", violations);
        }
        return out;
    }
}
