package cq.jianxi.report.rest;

import cq.jianxi.report.readmodel.DepartmentFigures;
import cq.jianxi.report.service.DepartmentWorkService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON of the departments' own work. */
final class DepartmentWorkViews {

    private DepartmentWorkViews() {
    }

    @Schema(name = "DepartmentQuota", description = "一个有岗位募集任务的市级部门某年度的任务进度（岗位数，按首次发布年度计入）")
    record QuotaView(
            @Schema(description = "部门代码", required = true) String departmentCode,
            @Schema(description = "部门名称", required = true) String departmentName,
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "该年度是否有计划（无计划时无倒排进度，目标为部门任务数）", required = true) boolean planned,
            @Schema(description = "本月（到期的倒排进度所在月份，年度开始前为 0，结束后为 12）", required = true) int month,
            @Schema(description = "目标任务（岗位数）", required = true) long target,
            @Schema(description = "已完成：计入本部门、该年度首次发布的岗位人数", required = true) long achieved,
            @Schema(description = "本月应完成的倒排进度", required = true) long milestone,
            @Schema(description = "与本月倒排进度的差距（不足部分，已超过为 0）", required = true) long gap,
            @Schema(description = "是否落后于本月倒排进度", required = true) boolean behind) {
        static QuotaView of(DepartmentWorkService.Quota q) {
            return new QuotaView(q.department().code(), q.department().name(), q.year(), q.planned(), q.month(), q.target(),
                    q.achieved(), q.milestone(), q.gap(), q.behind());
        }
    }

    @Schema(name = "RecommendedBase", description = "本部门推荐备案的见习基地")
    record BaseView(
            @Schema(description = "基地编号", required = true) long id,
            @Schema(description = "单位名称", required = true) String name,
            @Schema(description = "所在区县代码", required = true) String regionCode,
            @Schema(description = "所在区县", required = true) String regionName,
            @Schema(description = "备案状态：PENDING 待审核、APPROVED 已备案、REJECTED 未通过、REVOKED 已撤销", required = true, implementation = cq.jianxi.organization.domain.BaseStatus.class) String status,
            @Schema(description = "备案年度（通过后才有）") Integer filedYear,
            @Schema(description = "推荐（申请）时间", required = true) OffsetDateTime appliedAt) {
        static BaseView of(DepartmentFigures.RecommendedBase b) {
            return new BaseView(b.id(), b.name(), b.regionCode(), b.regionName(), b.status(), b.filedYear(), b.appliedAt());
        }
    }

    @Schema(name = "RecommendedBasePage", description = "本部门推荐的见习基地（分页，按推荐时间倒序）")
    record BasePage(
            @Schema(description = "本页基地", required = true) List<BaseView> items,
            @Schema(description = "推荐总数", required = true) long total,
            @Schema(description = "其中已备案", required = true) long approved,
            @Schema(description = "其中待审核", required = true) long pending,
            @Schema(description = "页码（从 0 开始）", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static BasePage of(DepartmentFigures.BasesPage p) {
            return new BasePage(p.page().items().stream().map(BaseView::of).toList(), p.page().total(), p.approved(),
                    p.pending(), p.page().page(), p.page().size());
        }
    }

    @Schema(name = "QuotaPosition", description = "计入本部门任务的岗位")
    record PositionView(
            @Schema(description = "岗位编号", required = true) long id,
            @Schema(description = "岗位名称", required = true) String title,
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地（单位）名称", required = true) String baseName,
            @Schema(description = "岗位所在区县代码", required = true) String regionCode,
            @Schema(description = "招募人数", required = true) int headcount,
            @Schema(description = "状态：DRAFT、SUBMITTED、PUBLISHED、REJECTED、CLOSED", required = true, implementation = cq.jianxi.position.domain.PositionStatus.class) String status,
            @Schema(description = "首次发布时间（未发布时为空）") OffsetDateTime firstPublishedAt) {
        static PositionView of(DepartmentFigures.QuotaPosition p) {
            return new PositionView(p.id(), p.title(), p.baseId(), p.baseName(), p.regionCode(), p.headcount(), p.status(),
                    p.firstPublishedAt());
        }
    }

    @Schema(name = "QuotaPositionPage", description = "计入本部门某年度任务的岗位：该年度首次发布的及尚未发布的（分页）")
    record PositionPage(
            @Schema(description = "本页岗位", required = true) List<PositionView> items,
            @Schema(description = "岗位总数", required = true) long total,
            @Schema(description = "该年度已发布岗位的招募人数合计（即任务完成数）", required = true) long publishedHeadcount,
            @Schema(description = "尚未发布岗位的招募人数合计", required = true) long pendingHeadcount,
            @Schema(description = "页码（从 0 开始）", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static PositionPage of(DepartmentFigures.PositionsPage p) {
            return new PositionPage(p.page().items().stream().map(PositionView::of).toList(), p.page().total(),
                    p.publishedHeadcount(), p.pendingHeadcount(), p.page().page(), p.page().size());
        }
    }

    @Schema(name = "SchoolService", description = "一所学校（或合计）共享名单中人员的意愿和服务情况（只有人数，不含个人信息）")
    record SchoolView(
            @Schema(description = "学校（合计行为「合计」）", required = true) String school,
            @Schema(description = "共享名单人数", required = true) long rosterPeople,
            @Schema(description = "有见习意愿人数", required = true) long internshipIntention,
            @Schema(description = "有培训意愿人数", required = true) long trainingIntention,
            @Schema(description = "获推送岗位人数", required = true) long pushedPeople,
            @Schema(description = "岗位推送次数", required = true) long pushes,
            @Schema(description = "获得任一服务的人数", required = true) long servedPeople,
            @Schema(description = "见习到岗人数", required = true) long arrivedPeople) {
        static SchoolView of(DepartmentFigures.SchoolRow r) {
            return new SchoolView(r.school(), r.rosterPeople(), r.internshipIntention(), r.trainingIntention(),
                    r.pushedPeople(), r.pushes(), r.servedPeople(), r.arrivedPeople());
        }
    }

    @Schema(name = "GraduateServicePage", description = "市教委共享的毕业生名单按学校统计（分页）及合计")
    record SchoolPage(
            @Schema(description = "统计年度（服务和到岗按其日期计入；为空时不限年度）") Integer year,
            @Schema(description = "本页学校", required = true) List<SchoolView> items,
            @Schema(description = "学校总数", required = true) long total,
            @Schema(description = "全部学校的合计行", required = true) SchoolView totals,
            @Schema(description = "页码（从 0 开始）", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static SchoolPage of(Integer year, DepartmentFigures.SchoolPage p) {
            return new SchoolPage(year, p.page().items().stream().map(SchoolView::of).toList(), p.page().total(),
                    SchoolView.of(p.total()), p.page().page(), p.page().size());
        }
    }

    @Schema(name = "Campaign", description = "一次青年动员活动及其带来的人数")
    record CampaignView(
            @Schema(description = "活动编号", required = true) long id,
            @Schema(description = "分享代码", required = true) String code,
            @Schema(description = "报名链接的路径部分：/youth/register?campaign=代码", required = true) String sharePath,
            @Schema(description = "活动名称", required = true) String title,
            @Schema(description = "活动说明", required = true) String description,
            @Schema(description = "开始日期", required = true) LocalDate startsOn,
            @Schema(description = "结束日期", required = true) LocalDate endsOn,
            @Schema(description = "创建人", required = true) String createdBy,
            @Schema(description = "创建时间", required = true) OffsetDateTime createdAt,
            @Schema(description = "经链接注册人数", required = true) long signups,
            @Schema(description = "其中有见习意愿", required = true) long withInternshipIntention,
            @Schema(description = "其中投递过见习申请", required = true) long applied,
            @Schema(description = "其中见习到岗", required = true) long arrived) {
        static CampaignView of(DepartmentFigures.CampaignRow c) {
            return new CampaignView(c.id(), c.code(), "/youth/register?campaign=" + c.code(), c.title(), c.description(),
                    c.startsOn(), c.endsOn(), c.createdBy(), c.createdAt(), c.signups(), c.withInternshipIntention(),
                    c.applied(), c.arrived());
        }
    }

    @Schema(name = "CampaignPage", description = "团市委的青年动员活动（分页，新建的在前）及全部活动的合计")
    record CampaignPage(
            @Schema(description = "本页活动", required = true) List<CampaignView> items,
            @Schema(description = "活动总数", required = true) long total,
            @Schema(description = "全部活动的注册人数合计", required = true) long signups,
            @Schema(description = "其中有见习意愿", required = true) long withInternshipIntention,
            @Schema(description = "其中投递过申请", required = true) long applied,
            @Schema(description = "其中到岗", required = true) long arrived,
            @Schema(description = "页码（从 0 开始）", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static CampaignPage of(DepartmentFigures.CampaignPage p) {
            return new CampaignPage(p.page().items().stream().map(CampaignView::of).toList(), p.page().total(), p.signups(),
                    p.withInternshipIntention(), p.applied(), p.arrived(), p.page().page(), p.page().size());
        }
    }
}
