package cq.jianxi.plan.rest;

import cq.jianxi.plan.domain.Plan;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.plan.service.PlanService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The plan API's response bodies. */
public final class PlanViews {

    private PlanViews() {
    }

    @Schema(name = "Targets", description = "附件2 的八项年度目标")
    public record TargetsView(
            @Schema(description = "新增见习基地（个）", required = true) int newBases,
            @Schema(description = "其中重点企业（个）", required = true) int newKeyEnterpriseBases,
            @Schema(description = "募集见习岗位（个）", required = true) int positions,
            @Schema(description = "组织见习人数（人）", required = true) int participants,
            @Schema(description = "政策宣讲（场）", required = true) int policySessions,
            @Schema(description = "供需对接活动（场）", required = true) int matchingEvents,
            @Schema(description = "选树典型人物（人）", required = true) int typicalPersons,
            @Schema(description = "推荐国家级典型（人）", required = true) int nationalNominations) {

        static TargetsView of(Map<TargetColumn, Integer> v) {
            return new TargetsView(v.get(TargetColumn.NEW_BASES), v.get(TargetColumn.NEW_KEY_ENTERPRISE_BASES),
                    v.get(TargetColumn.POSITIONS), v.get(TargetColumn.PARTICIPANTS), v.get(TargetColumn.POLICY_SESSIONS),
                    v.get(TargetColumn.MATCHING_EVENTS), v.get(TargetColumn.TYPICAL_PERSONS),
                    v.get(TargetColumn.NATIONAL_NOMINATIONS));
        }
    }

    @Schema(name = "RegionTargets", description = "一个区县的年度目标")
    public record RegionTargetsView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "新增见习基地（个）", required = true) int newBases,
            @Schema(description = "其中重点企业（个）", required = true) int newKeyEnterpriseBases,
            @Schema(description = "募集见习岗位（个）", required = true) int positions,
            @Schema(description = "组织见习人数（人）", required = true) int participants,
            @Schema(description = "政策宣讲（场）", required = true) int policySessions,
            @Schema(description = "供需对接活动（场）", required = true) int matchingEvents,
            @Schema(description = "选树典型人物（人）", required = true) int typicalPersons,
            @Schema(description = "推荐国家级典型（人）", required = true) int nationalNominations) {

        static RegionTargetsView of(PlanService.RegionTargets r) {
            Map<TargetColumn, Integer> v = r.values();
            return new RegionTargetsView(r.region().code, r.region().shortName,
                    v.get(TargetColumn.NEW_BASES), v.get(TargetColumn.NEW_KEY_ENTERPRISE_BASES),
                    v.get(TargetColumn.POSITIONS), v.get(TargetColumn.PARTICIPANTS), v.get(TargetColumn.POLICY_SESSIONS),
                    v.get(TargetColumn.MATCHING_EVENTS), v.get(TargetColumn.TYPICAL_PERSONS),
                    v.get(TargetColumn.NATIONAL_NOMINATIONS));
        }
    }

    @Schema(name = "PlanTargets", description = "某年度的目标任务：全市合计（各区县之和）与调用者范围内的区县")
    public record PlanTargetsView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "全市合计，始终为 41 个区县之和", required = true) TargetsView city,
            @Schema(description = "调用者数据范围内的区县（区县管理员只含本区县）", required = true) List<RegionTargetsView> regions) {

        static PlanTargetsView of(PlanService.Targets t) {
            return new PlanTargetsView(t.year(), TargetsView.of(t.city()),
                    t.regions().stream().map(RegionTargetsView::of).toList());
        }
    }

    @Schema(name = "PlanSummary", description = "已导入的年度计划")
    public record PlanSummaryView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "数据来源（文件名或文件号）", required = true) String source,
            @Schema(description = "最近导入时间", required = true) OffsetDateTime updatedAt,
            @Schema(description = "最近导入人") String updatedBy) {

        static PlanSummaryView of(Plan p) {
            return new PlanSummaryView(p.year, p.source, p.updatedAt, p.updatedBy);
        }
    }
}
