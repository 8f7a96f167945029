package cq.jianxi.plan.rest;

import cq.jianxi.plan.domain.ScheduleScope;
import cq.jianxi.plan.domain.TargetColumn;
import cq.jianxi.plan.service.MilestoneService;
import cq.jianxi.report.readmodel.PlanProgress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Bodies of the plan-progress and 倒排 schedule API, shared with the dashboard. */
public final class ProgressViews {

    private ProgressViews() {
    }

    @Schema(name = "ColumnProgress", description = "一项附件2 目标的进度：目标、完成数、本月应达进度（倒排）及差距")
    public record ColumnProgressView(
            @Schema(description = "目标列", required = true) TargetColumn column,
            @Schema(description = "中文名称", required = true) String label,
            @Schema(description = "年度目标", required = true) long target,
            @Schema(description = "截至今日完成数（口径见 docs/notice.md 附件2 年度目标进度）", required = true) long achieved,
            @Schema(description = "本月应达的累计进度（已过年度为 12 月，未到年度为 0）", required = true) long milestone,
            @Schema(description = "差距：应达进度减完成数，不足 0 记 0", required = true) long gap,
            @Schema(description = "进度落后：完成数低于本月应达进度", required = true) boolean behind,
            @Schema(description = "1–12 月累计进度（已保存的倒排进度，未保存时为默认建议）", required = true) List<Integer> milestones,
            @Schema(description = "1–12 月月末累计完成数（当月为截至今日）", required = true) List<Long> achievedByMonth) {

        public static ColumnProgressView of(PlanProgress.ColumnProgress c) {
            TargetColumn column = TargetColumn.valueOf(c.column().name());
            return new ColumnProgressView(column, column.label(), c.target(), c.achieved(), c.milestone(), c.gap(),
                    c.behind(), Arrays.stream(c.milestones()).boxed().toList(),
                    Arrays.stream(c.achievedByMonth()).boxed().toList());
        }
    }

    @Schema(name = "ScopeProgress", description = "一个区县或一个市级部门（岗位任务）的进度")
    public record ScopeProgressView(
            @Schema(description = "范围类型", required = true) ScheduleScope kind,
            @Schema(description = "区县代码或部门代码", required = true) String code,
            @Schema(description = "名称", required = true) String name,
            @Schema(description = "是否已保存本范围的倒排进度（否则按默认建议判断）", required = true) boolean scheduled,
            @Schema(description = "倒排进度保存时间（未保存为空）") OffsetDateTime scheduledAt,
            @Schema(description = "倒排进度保存人（未保存为空）") String scheduledBy,
            @Schema(description = "是否有任何一项落后", required = true) boolean behind,
            @Schema(description = "各项进度：区县八项，部门只有募集见习岗位", required = true) List<ColumnProgressView> columns) {

        public static ScopeProgressView of(PlanProgress.Scope s) {
            return new ScopeProgressView(ScheduleScope.valueOf(s.kind()), s.code(), s.name(), s.scheduled(),
                    s.scheduledAt(), s.scheduledBy(), s.behind(), s.columns().stream().map(ColumnProgressView::of).toList());
        }
    }

    @Schema(name = "PlanProgress", description = "年度计划进度：八项目标的完成数、本月倒排进度与差距")
    public record PlanProgressView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "统计截至日期（重庆时间）", required = true) LocalDate asOf,
            @Schema(description = "应达进度所在月份（0 表示年度未开始）", required = true) int month,
            @Schema(description = "年度倒排进度锁定时间（未锁定为空）") OffsetDateTime lockedAt,
            @Schema(description = "锁定人（未锁定为空）") String lockedBy,
            @Schema(description = "合计：列出的各区县之和（区县管理员即本区县）", required = true) List<ColumnProgressView> total,
            @Schema(description = "各区县（区县管理员只含本区县）", required = true) List<ScopeProgressView> regions,
            @Schema(description = "市级部门岗位任务（区县管理员为空）", required = true) List<ScopeProgressView> departments) {

        public static PlanProgressView of(PlanProgress.Progress p) {
            return new PlanProgressView(p.year(), p.asOf(), p.month(), p.lockedAt(), p.lockedBy(),
                    p.total().stream().map(ColumnProgressView::of).toList(),
                    p.regions().stream().map(ScopeProgressView::of).toList(),
                    p.departments().stream().map(ScopeProgressView::of).toList());
        }
    }

    @Schema(name = "MilestoneSchedule", description = "一个范围的倒排进度及年度锁定状态")
    public record ScheduleView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "应达进度所在月份", required = true) int month,
            @Schema(description = "年度倒排进度锁定时间（未锁定为空；锁定后不能修改）") OffsetDateTime lockedAt,
            @Schema(description = "锁定人（未锁定为空）") String lockedBy,
            @Schema(description = "本范围的进度", required = true) ScopeProgressView scope) {

        static ScheduleView of(MilestoneService.Schedule s) {
            return new ScheduleView(s.year().year(), s.year().month(), s.year().lockedAt(), s.year().lockedBy(),
                    ScopeProgressView.of(s.scope()));
        }
    }

    @Schema(name = "ColumnMilestones", description = "一项目标的 1–12 月累计进度")
    public record ColumnMilestonesRequest(
            @Schema(description = "目标列", required = true) @NotNull TargetColumn column,
            @Schema(description = "12 个月的累计进度，逐月不减，12 月不低于年度目标", required = true, minItems = 12, maxItems = 12)
            @NotNull @Size(min = 12, max = 12) List<@NotNull @Min(0) @Max(10_000_000) Integer> milestones) {
    }

    @Schema(name = "MilestoneScheduleRequest", description = "保存一个范围的倒排进度：区县八项全部，部门只有募集见习岗位")
    public record ScheduleRequest(
            @Schema(description = "各项目标的进度", required = true, minItems = 1, maxItems = 8)
            @NotNull @Size(min = 1, max = 8) List<@NotNull @Valid ColumnMilestonesRequest> columns) {
    }
}
