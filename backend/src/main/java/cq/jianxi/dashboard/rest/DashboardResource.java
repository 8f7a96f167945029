package cq.jianxi.dashboard.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.dashboard.service.RecruitmentChangeListener;
import cq.jianxi.dashboard.service.RecruitmentDashboardService;
import cq.jianxi.dashboard.service.RecruitmentDashboardService.Dashboard;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The live recruitment dashboard against the year's plan. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "募集看板")
@Authenticated
public class DashboardResource {

    @jakarta.inject.Inject
    AppClock clock;

    @Inject
    RecruitmentDashboardService dashboards;

    @Inject
    RecruitmentChangeListener listener;

    @Inject
    CallerProvider callers;

    @GET
    @Path("/recruitment")
    @Operation(summary = "Recruitment progress",
            description = "当年（或指定年度）附件2 八项目标的目标、完成数与本月倒排进度，按区县和市级部门任务分列，另给出岗位募集、新增见习基地及其中重点企业的合计；任何一项完成数低于本月倒排进度（区县未保存倒排进度时按默认建议）的区县标记为进度落后，并给出差距。区县管理员只看本区县。")
    public Uni<DashboardView> getRecruitmentDashboard(@Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year) {
        return dashboards.compute(callers.current(), yearOrCurrent(year)).map(DashboardView::of);
    }

    @GET
    @Path("/progress.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Plan progress as xlsx",
            description = "各区县八项目标的目标、完成、本月倒排应达数与差距对比表（xlsx），另附市级部门岗位任务。区县管理员只含本区县。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.EXPORT)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "xlsx 文件")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    public Uni<jakarta.ws.rs.core.Response> exportPlanProgress(@Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year) {
        int y = yearOrCurrent(year);
        return dashboards.workbook(callers.current(), y).map(bytes -> jakarta.ws.rs.core.Response
                .ok(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"progress-" + y + ".xlsx\"").build());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live recruitment progress (SSE)",
            description = "Server-Sent Events：连接时先推送一次当前数据，此后任何岗位发布、基地备案或岗位关闭（包括发生在其他后端实例上的）提交后 1 秒内推送新数据。需携带 Authorization 头（可用 fetch 读取流）。会话结束（退出登录、修改或重置密码、账户停用、基地备案撤销）时服务器立即结束此流。")
    public Multi<DashboardView> streamRecruitmentDashboard(@Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year) {
        Caller caller = callers.current();
        dashboards.requireAccess(caller);
        int y = yearOrCurrent(year);
        Multi<java.util.Optional<DashboardView>> views = Multi.createBy().concatenating()
                .streams(Multi.createFrom().item(0L), listener.changes().onOverflow().dropPreviousItems())
                .onItem().transformToUniAndConcatenate(tick -> dashboards.compute(caller, y))
                .map(v -> java.util.Optional.of(DashboardView.of(v)));
        // The stream ends with the session (logout, password change, disabled account, revoked base).
        Multi<java.util.Optional<DashboardView>> end = sessions.endOf(caller).map(x -> java.util.Optional.empty());
        return Multi.createBy().merging().streams(views, end)
                .select().first(java.util.Optional::isPresent)
                .map(java.util.Optional::get);
    }

    @Inject
    cq.jianxi.identity.service.SessionLiveness sessions;

    private int yearOrCurrent(Integer year) {
        return year != null ? year : clock.today().getYear();
    }

    @Schema(name = "Progress", description = "目标与完成数")
    public record ProgressView(
            @Schema(description = "目标", required = true) long target,
            @Schema(description = "完成数", required = true) long achieved) {
        static ProgressView of(RecruitmentDashboardService.Progress p) {
            return new ProgressView(p.target(), p.achieved());
        }
    }

    @Schema(name = "RegionProgress", description = "一个区县的募集进度")
    public record RegionProgressView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "募集见习岗位", required = true) ProgressView positions,
            @Schema(description = "新增见习基地", required = true) ProgressView bases,
            @Schema(description = "其中重点企业", required = true) ProgressView keyEnterpriseBases,
            @Schema(description = "是否有任何一项目标低于本月倒排进度", required = true) boolean behindSchedule) {
    }

    @Schema(name = "DepartmentProgress", description = "一个市级部门岗位募集任务的进度")
    public record DepartmentProgressView(
            @Schema(description = "部门代码", required = true) String departmentCode,
            @Schema(description = "部门名称", required = true) String departmentName,
            @Schema(description = "任务限定的岗位类别（中文，可空）") String positionCategory,
            @Schema(description = "募集岗位任务与完成数", required = true) ProgressView positions) {
    }

    @Schema(name = "RecruitmentDashboard", description = "岗位募集看板")
    public record DashboardView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "数据时间", required = true) OffsetDateTime asOf,
            @Schema(description = "募集见习岗位合计", required = true) ProgressView positions,
            @Schema(description = "新增见习基地合计", required = true) ProgressView bases,
            @Schema(description = "其中重点企业合计", required = true) ProgressView keyEnterpriseBases,
            @Schema(description = "各区县（区县管理员只含本区县）", required = true) List<RegionProgressView> regions,
            @Schema(description = "市级部门募集任务（区县管理员为空）", required = true) List<DepartmentProgressView> departments,
            @Schema(description = "附件2 八项目标的完成数、本月倒排进度与差距（各区县、部门及合计）", required = true)
            cq.jianxi.plan.rest.ProgressViews.PlanProgressView plan) {

        static DashboardView of(Dashboard d) {
            return new DashboardView(d.year(), d.asOf(), ProgressView.of(d.positions()),
                    ProgressView.of(d.bases()), ProgressView.of(d.keyEnterpriseBases()),
                    d.regions().stream().map(r -> new RegionProgressView(r.regionCode(), r.regionName(),
                            ProgressView.of(r.positions()), ProgressView.of(r.bases()),
                            ProgressView.of(r.keyEnterpriseBases()), r.behindSchedule())).toList(),
                    d.departments().stream().map(dp -> new DepartmentProgressView(dp.departmentCode(),
                            dp.departmentName(), dp.positionCategory(), ProgressView.of(dp.positions()))).toList(),
                    cq.jianxi.plan.rest.ProgressViews.PlanProgressView.of(d.plan()));
        }
    }
}
