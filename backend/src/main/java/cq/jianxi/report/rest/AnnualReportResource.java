package cq.jianxi.report.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.report.service.AnnualReportService;
import cq.jianxi.report.service.AnnualReportExports;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The yearly report on the plan's implementation (年度计划实施情况报告). */
@Path("/api/reports/annual")
@Tag(name = "统计报表")
@Authenticated
public class AnnualReportResource {

    @Inject
    AnnualReportService annual;

    @Inject
    AnnualReportExports exports;

    @Inject
    CallerProvider callers;

    @GET
    @Path("/{year}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Annual report",
            description = "年度计划实施情况：各区县附件2 八项目标与平台记录的完成数（新增基地、其中重点企业、募集岗位、到岗见习人数、政策宣讲、供需对接活动；选树典型人物与推荐国家级典型不在平台内评选，只列目标），服务率，以及市级部门岗位募集任务完成情况。区县管理员只看本区县。")
    public Uni<AnnualView> getAnnualReport(@PathParam("year") int year) {
        return annual.compute(callers.current(), year).map(AnnualView::of);
    }

    @GET
    @Path("/{year}.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Annual report as xlsx", description = "年度计划实施情况表 xlsx：每区县一行，八项目标及完成数、服务率，另附市级部门任务。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.EXPORT)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "xlsx 文件")
    public Uni<Response> exportAnnualReport(@PathParam("year") int year) {
        return exports.annualWorkbook(callers.current(), year).map(bytes ->
                Response.ok(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .header("Content-Disposition", "attachment; filename=\"annual-" + year + ".xlsx\"").build());
    }

    @Schema(name = "Figure", description = "目标与完成数")
    public record FigureView(
            @Schema(description = "目标", required = true) long target,
            @Schema(description = "完成数（平台不记录的项为空）") Long achieved) {
        static FigureView of(AnnualReportService.Figure f) {
            return new FigureView(f.target(), f.achieved());
        }
    }

    @Schema(name = "AnnualRegion", description = "一个区县的年度完成情况")
    public record RegionView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "新增见习基地", required = true) FigureView newBases,
            @Schema(description = "其中重点企业", required = true) FigureView newKeyEnterpriseBases,
            @Schema(description = "募集见习岗位", required = true) FigureView positions,
            @Schema(description = "组织见习人数（当年到岗）", required = true) FigureView participants,
            @Schema(description = "政策宣讲", required = true) FigureView policySessions,
            @Schema(description = "供需对接活动", required = true) FigureView matchingEvents,
            @Schema(description = "选树典型人物（只列目标）", required = true) FigureView typicalPersons,
            @Schema(description = "推荐国家级典型（只列目标）", required = true) FigureView nationalNominations,
            @Schema(description = "服务率（0–1）；没有需要服务的人员时为空（显示“—”）", nullable = true) Double serviceRate) {
    }

    @Schema(name = "AnnualDepartment", description = "一个市级部门的岗位募集任务完成情况")
    public record DepartmentView(
            @Schema(description = "部门代码", required = true) String code,
            @Schema(description = "部门名称", required = true) String name,
            @Schema(description = "募集岗位任务与完成数", required = true) FigureView positions) {
    }

    @Schema(name = "AnnualReport", description = "年度计划实施情况报告")
    public record AnnualView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "各区县", required = true) List<RegionView> regions,
            @Schema(description = "市级部门任务（区县管理员为空）", required = true) List<DepartmentView> departments) {
        static AnnualView of(AnnualReportService.Annual a) {
            return new AnnualView(a.year(), a.regions().stream().map(r -> new RegionView(r.regionCode(), r.regionName(),
                    FigureView.of(r.newBases()), FigureView.of(r.newKeyEnterpriseBases()), FigureView.of(r.positions()),
                    FigureView.of(r.participants()), FigureView.of(r.policySessions()), FigureView.of(r.matchingEvents()),
                    FigureView.of(r.typicalPersons()), FigureView.of(r.nationalNominations()), r.serviceRate())).toList(),
                    a.departments().stream().map(d -> new DepartmentView(d.code(), d.name(), FigureView.of(d.positions()))).toList());
        }
    }
}
