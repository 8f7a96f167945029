package cq.jianxi.position.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.Department;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.Ownership;
import cq.jianxi.organization.service.Organizations;
import cq.jianxi.position.domain.Education;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.domain.PositionCategory;
import cq.jianxi.region.service.Regions;
import cq.jianxi.subsidy.service.SubsidyRates;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;

/** The field rules of a position draft, the department tasks of Annex 1, and the year's allowance floor. */
@ApplicationScoped
public class PositionDrafts {

    @Inject
    Organizations organizations;
    @Inject
    Regions regions;
    @Inject
    SubsidyRates rates;
    @Inject
    AppClock clock;

    /** Field checks plus the department-task rules of Annex 1; every problem names its field. */
    Uni<Void> validate(PositionDraft d, Employer employer) {
        Checks checks = new Checks();
        checks.notBlank("title", d.title(), 100, "岗位名称");
        PositionCategory category = checks.enumValue("category", d.category(), PositionCategory.class, "岗位类别");
        checks.check(d.headcount() != null && d.headcount() > 0, "headcount", "招募人数须大于 0");
        checks.check(d.headcount() == null || d.headcount() <= 1000, "headcount", "招募人数不能超过 1000");
        checks.enumValue("education", d.education(), Education.class, "学历要求");
        checks.check(d.majors() == null || d.majors().length() <= 500, "majors", "专业要求不能超过 500 个字符");
        checks.notBlank("description", d.description(), 5000, "岗位描述");
        checks.notBlank("regionCode", d.regionCode(), 16, "工作地区县");
        checks.check(d.monthlyAllowance() != null && d.monthlyAllowance().signum() >= 0
                && d.monthlyAllowance().scale() <= 2 && d.monthlyAllowance().compareTo(new BigDecimal("99999999")) < 0,
                "monthlyAllowance", "月基本生活费须为不小于 0 的金额（元，最多两位小数）");
        checks.check(d.durationMonths() != null && d.durationMonths() >= 3 && d.durationMonths() <= 12,
                "durationMonths", "见习期限须为 3–12 个月");
        checks.check(d.deadline() != null && !d.deadline().isBefore(clock.today()), "deadline", "报名截止日期不能早于今天");
        checks.throwIfAnyRuleBroken();
        Uni<Void> regionCheck = regions.findById(d.regionCode()).map(r -> {
            if (r == null) {
                throw ApiProblem.ruleAt("regionCode", "未知的区县代码 " + d.regionCode());
            }
            return null;
        });
        if (d.departmentCode() == null || d.departmentCode().isBlank()) {
            return regionCheck;
        }
        return regionCheck.flatMap(v -> organizations.department(d.departmentCode())).map(dep -> {
            checkDepartmentTask(dep, d.departmentCode(), category, employer);
            return null;
        });
    }

    /**
     * A position goes before young people (submitted, published) only if it pays at least this year's
     * floor; a draft may be below it so that the base can save and correct it.
     */
    Uni<Void> requireAllowanceFloor(Position p) {
        int year = clock.year();
        return rates.allowanceFloor(year).map(floor -> {
            if (floor.isPresent() && p.monthlyAllowance.compareTo(floor.get()) < 0) {
                throw ApiProblem.ruleAt("monthlyAllowance", "月基本生活费不能低于 " + floor.get().toPlainString()
                        + " 元（" + year + " 年最低标准）");
            }
            return null;
        });
    }

    static void checkDepartmentTask(Department dep, String code, PositionCategory category, Employer employer) {
        if (dep == null) {
            throw ApiProblem.ruleAt("departmentCode", "未知的部门代码 " + code);
        }
        if (dep.positionQuota == null) {
            throw ApiProblem.ruleAt("departmentCode", dep.name + "没有岗位募集任务");
        }
        PositionCategory required = PositionCategory.fromLabel(dep.positionCategory);
        if (required != null && required != category) {
            throw ApiProblem.ruleAt("departmentCode", dep.name + "的募集任务为" + required.label() + "岗位");
        }
        if ("GZW".equals(dep.code) && employer.ownership != Ownership.STATE_OWNED) {
            throw ApiProblem.ruleAt("departmentCode", "市国资委的募集任务仅限国有企业的岗位");
        }
    }

    void apply(Position p, PositionDraft d) {
        p.title = d.title().trim();
        p.category = PositionCategory.valueOf(d.category().trim());
        p.headcount = d.headcount();
        p.education = Education.valueOf(d.education().trim());
        p.majors = d.majors() == null ? "" : d.majors().trim();
        p.description = d.description().trim();
        p.regionCode = d.regionCode();
        p.monthlyAllowance = d.monthlyAllowance();
        p.durationMonths = d.durationMonths();
        p.deadline = d.deadline();
        p.departmentCode = d.departmentCode() == null || d.departmentCode().isBlank() ? null : d.departmentCode();
        p.updatedAt = clock.now();
    }
}
