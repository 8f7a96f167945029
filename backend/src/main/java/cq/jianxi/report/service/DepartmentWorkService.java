package cq.jianxi.report.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.report.readmodel.DepartmentFigures;
import cq.jianxi.report.readmodel.DepartmentFigures.BasesPage;
import cq.jianxi.report.readmodel.DepartmentFigures.CampaignPage;
import cq.jianxi.report.readmodel.DepartmentFigures.Department;
import cq.jianxi.report.readmodel.DepartmentFigures.PositionsPage;
import cq.jianxi.report.readmodel.DepartmentFigures.SchoolPage;
import cq.jianxi.report.readmodel.PlanFigures.Column;
import cq.jianxi.report.readmodel.PlanProgress;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The municipal departments' own work (Annex 1), each department seeing its task and no more (ADR 0017):
 * the six quota departments their quota, bases and positions; 市教委 the shared roster's service by school;
 * 团市委 its campaigns. The city bureau (CITY_ADMIN) reads all of them; districts, bases and young people none.
 */
@ApplicationScoped
public class DepartmentWorkService {

    public static final String EDUCATION = "JW";
    public static final String YOUTH_LEAGUE = "TSW";
    static final int MAX_PAGE = 100;

    @Inject
    DepartmentFigures figures;
    @Inject
    PlanProgress progress;
    @Inject
    AppClock clock;

    /** A quota department's progress on its position quota in the year. */
    public record Quota(Department department, int year, boolean planned, int month, long target, long achieved,
                        long milestone, long gap, boolean behind) {
    }

    public Uni<Quota> quota(Caller caller, String code, Integer year) {
        int y = year(year);
        return quotaDepartment(caller, code).flatMap(d -> progress.year(y, null).flatMap(p -> {
            var scope = p.departments().stream().filter(s -> s.code().equals(d.code())).findFirst();
            if (scope.isPresent()) {
                var c = scope.get().column(Column.POSITIONS);
                return Uni.createFrom().item(new Quota(d, y, true, p.month(), c.target(), c.achieved(), c.milestone(),
                        c.gap(), c.behind()));
            }
            // A year without a plan has no milestones: the quota of the reference data and what was published.
            return figures.quotaPositions(d.code(), y, 0, 1).map(pos -> new Quota(d, y, false, p.month(), d.quota(),
                    pos.publishedHeadcount(), 0, 0, false));
        }));
    }

    public Uni<BasesPage> bases(Caller caller, String code, int page, int size) {
        paging(page, size);
        return quotaDepartment(caller, code).flatMap(d -> figures.recommendedBases(d.code(), page, size));
    }

    public Uni<PositionsPage> positions(Caller caller, String code, Integer year, int page, int size) {
        paging(page, size);
        int y = year(year);
        return quotaDepartment(caller, code).flatMap(d -> figures.quotaPositions(d.code(), y, page, size));
    }

    /** 市教委 (and the city bureau): the roster it shared, counted by school. */
    public Uni<SchoolPage> graduates(Caller caller, Integer year, int page, int size) {
        requireDepartment(caller, EDUCATION, "毕业生服务情况仅市教委和市人社局可查看");
        paging(page, size);
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiProblem.invalidField("year", "年度须在 2000 到 2100 之间");
        }
        return figures.rosterBySchool(year, page, size);
    }

    /** 团市委 (and the city bureau): its campaigns and what each brought in. */
    public Uni<CampaignPage> campaigns(Caller caller, int page, int size) {
        requireDepartment(caller, YOUTH_LEAGUE, "青年动员活动仅团市委和市人社局可查看");
        paging(page, size);
        return figures.campaigns(page, size);
    }

    /**
     * The department whose quota the caller asks about: a department user only its own (403 for another's),
     * the city bureau any; a department without a quota (or no such department) is 404.
     */
    private Uni<Department> quotaDepartment(Caller caller, String code) {
        caller.requireRole(Role.CITY_ADMIN, Role.DEPARTMENT);
        if (caller.is(Role.DEPARTMENT) && !caller.departmentCode().equals(code)) {
            throw ApiProblem.forbidden("只能查看本部门的任务");
        }
        return figures.department(code).map(d -> {
            if (d == null || d.quota() == null) {
                throw ApiProblem.notFound("该部门没有岗位募集任务");
            }
            return d;
        });
    }

    private static void requireDepartment(Caller caller, String department, String message) {
        caller.requireRole(Role.CITY_ADMIN, Role.DEPARTMENT);
        if (caller.is(Role.DEPARTMENT) && !department.equals(caller.departmentCode())) {
            throw ApiProblem.forbidden(message);
        }
    }

    private int year(Integer year) {
        if (year == null) {
            return clock.today().getYear();
        }
        if (year < 2000 || year > 2100) {
            throw ApiProblem.invalidField("year", "年度须在 2000 到 2100 之间");
        }
        return year;
    }

    private static void paging(int page, int size) {
        new Checks().page(page, size, MAX_PAGE).throwIfAny();
    }
}
