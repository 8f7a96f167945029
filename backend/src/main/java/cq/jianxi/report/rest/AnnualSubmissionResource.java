package cq.jianxi.report.rest;

import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimited;
import cq.jianxi.common.ratelimit.RateLimits;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.report.service.AnnualFigures;
import cq.jianxi.report.service.AnnualReportService;
import cq.jianxi.report.service.AnnualReportWorkbook;
import cq.jianxi.report.service.AnnualReportWorkflow;
import cq.jianxi.report.service.AnnualSubmissions;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The annual implementation report as a submission: districts submit, the city reviews and compiles. */
@Path("/api/reports/annual")
@Tag(name = "统计报表")
@Authenticated
public class AnnualSubmissionResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AnnualReportWorkflow workflow;

    @Inject
    CallerProvider callers;

    @GET
    @Path("/{year}/submissions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who has submitted the year's annual report",
            description = "各区县某年度计划实施情况报告的报送情况：未提交（DRAFT）、待审核、已退回、已通过，及各状态的数量。区县管理员只看本区县，市级部门只读。")
    @APIResponse(responseCode = "200", description = "报送情况（41 个区县，区县管理员为 1 个）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "当前角色无权查看")
    public Uni<OverviewView> getAnnualSubmissions(@PathParam("year") int year) {
        return workflow.overview(callers.current(), year).map(OverviewView::of);
    }

    @GET
    @Path("/{year}/regions/{regionCode}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A region's annual report",
            description = "某区县某年度的计划实施情况报告：按今天记录计算的八项目标完成情况和服务率（live），最新提交版本（提交时冻结的数据和报告正文：年度工作开展情况、存在的问题、下一年度工作计划；审核人、退回原因），全部版本，以及提交后记录有变化的项（drift）。每年 12 月 1 日起可提交。区县管理员只能查看本区县。")
    @APIResponse(responseCode = "200", description = "区县年度报告")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "无权查看该区县")
    @APIResponse(responseCode = "404", description = "该年度计划尚未导入，或该区县没有该年度目标")
    public Uni<RegionReportView> getAnnualRegionReport(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return workflow.region(callers.current(), year, regionCode).map(RegionReportView::of);
    }

    @POST
    @Path("/{year}/regions/{regionCode}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a region's annual report",
            description = "区县管理员提交本区县的年度计划实施情况报告（每年 12 月 1 日起，年度结束后仍可提交）：八项目标完成情况和服务率按提交时的记录冻结，之后记录变化不改变已提交内容；报告正文三部分均必填。已退回的报告修改后再次提交为新版本；待审核或已通过的报告不能再次提交。市人社局不代区县提交。")
    @APIResponse(responseCode = "200", description = "新提交的版本")
    @APIResponse(responseCode = "400", description = "报告正文未填或过长（violations 指明字段）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是区县管理员，或不是本区县")
    @APIResponse(responseCode = "404", description = "该年度计划尚未导入，或该区县没有该年度目标")
    @APIResponse(responseCode = "409", description = "尚未到提交时间（12 月 1 日前），或已提交待审核、已审核通过")
    public Uni<VersionView> submitAnnualReport(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
                                               @Valid @NotNull(message = "请求体不能为空") SubmitBody body) {
        return workflow.submit(callers.current(), year, regionCode,
                new AnnualSubmissions.Narrative(body.workDone(), body.problems(), body.nextYearPlan())).map(VersionView::of);
    }

    @POST
    @Path("/{year}/regions/{regionCode}/accept")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a region's annual report", description = "市人社局审核通过区县提交的年度报告。通过后为最终版本，不能再提交或退回。")
    @APIResponse(responseCode = "200", description = "审核通过的版本")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是市人社局管理员")
    @APIResponse(responseCode = "409", description = "没有等待审核的年度报告")
    public Uni<VersionView> acceptAnnualReport(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return workflow.accept(callers.current(), year, regionCode).map(VersionView::of);
    }

    @POST
    @Path("/{year}/regions/{regionCode}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a region's annual report", description = "市人社局退回区县提交的年度报告并说明原因（必填），区县修改后重新提交为新版本。")
    @APIResponse(responseCode = "200", description = "已退回的版本")
    @APIResponse(responseCode = "400", description = "未填写退回原因或过长")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是市人社局管理员")
    @APIResponse(responseCode = "409", description = "没有等待审核的年度报告")
    public Uni<VersionView> returnAnnualReport(@PathParam("year") int year, @PathParam("regionCode") String regionCode,
                                               @Valid @NotNull(message = "请求体不能为空") ReturnBody body) {
        return workflow.returnReport(callers.current(), year, regionCode, body.reason()).map(VersionView::of);
    }

    @GET
    @Path("/{year}/regions/{regionCode}/report.xlsx")
    @Produces(XLSX)
    @Operation(summary = "A region's annual report as xlsx",
            description = "区县年度报告 xlsx：第一页为八项目标及完成数、服务率和报告状态（已提交的为冻结数据），第二页为报告正文和审核情况。")
    @RateLimited(Limit.EXPORT)
    @APIResponse(responseCode = "200", description = "xlsx 文件")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "无权查看该区县")
    @APIResponse(responseCode = "404", description = "该年度计划尚未导入，或该区县没有该年度目标")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<Response> exportAnnualRegionReport(@PathParam("year") int year, @PathParam("regionCode") String regionCode) {
        return workflow.region(callers.current(), year, regionCode)
                .map(r -> xlsx(AnnualReportWorkbook.region(r), "年度报告-" + r.regionName() + "-" + year));
    }

    @GET
    @Path("/{year}/compiled")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The city's annual report compiled from the regions",
            description = "全市年度计划实施情况报告（区县汇总）：已通过或待审核的区县取提交时冻结的数据，其他区县（未提交、已退回）取当前记录，每行标明状态和来源；合计行为各行之和（服务率为比率，不合计）；另附市级部门岗位募集任务（当前记录）。区县管理员不能查看。")
    @APIResponse(responseCode = "200", description = "全市汇总")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "当前角色无权查看全市汇总")
    @APIResponse(responseCode = "404", description = "该年度计划尚未导入")
    public Uni<CompiledView> getAnnualCompiledReport(@PathParam("year") int year) {
        return workflow.compiled(callers.current(), year).map(CompiledView::of);
    }

    @GET
    @Path("/{year}/compiled.xlsx")
    @Produces(XLSX)
    @Operation(summary = "The city's compiled annual report as xlsx",
            description = "全市年度计划实施情况报告 xlsx：每区县一行（含报告状态：已通过/待审核为冻结数据，其余按当前记录），合计行，市级部门任务。")
    @RateLimited(Limit.EXPORT)
    @APIResponse(responseCode = "200", description = "xlsx 文件")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "当前角色无权查看全市汇总")
    @APIResponse(responseCode = "404", description = "该年度计划尚未导入")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<Response> exportAnnualCompiledReport(@PathParam("year") int year) {
        return workflow.compiled(callers.current(), year).map(c -> xlsx(AnnualReportWorkbook.compiled(c), "年度报告-全市汇总-" + year));
    }

    private static Response xlsx(byte[] bytes, String name) {
        String encoded = URLEncoder.encode(name + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(bytes, XLSX)
                .header("Content-Disposition", "attachment; filename=\"annual-report.xlsx\"; filename*=UTF-8''" + encoded).build();
    }

    // ---------------------------------------------------------------- bodies

    @Schema(name = "AnnualReportSubmission", description = "提交年度报告的正文")
    public record SubmitBody(
            @Schema(description = "一、年度工作开展情况", required = true, maxLength = AnnualReportWorkflow.WORK_DONE_MAX)
            @NotBlank(message = "请填写年度工作开展情况")
            @Size(max = AnnualReportWorkflow.WORK_DONE_MAX, message = "年度工作开展情况不能超过 5000 个字符") String workDone,
            @Schema(description = "二、存在的问题", required = true, maxLength = AnnualReportWorkflow.PROBLEMS_MAX)
            @NotBlank(message = "请填写存在的问题")
            @Size(max = AnnualReportWorkflow.PROBLEMS_MAX, message = "存在的问题不能超过 3000 个字符") String problems,
            @Schema(description = "三、下一年度工作计划", required = true, maxLength = AnnualReportWorkflow.NEXT_YEAR_MAX)
            @NotBlank(message = "请填写下一年度工作计划")
            @Size(max = AnnualReportWorkflow.NEXT_YEAR_MAX, message = "下一年度工作计划不能超过 3000 个字符") String nextYearPlan) {
    }

    @Schema(name = "AnnualReportReturn", description = "退回年度报告")
    public record ReturnBody(
            @Schema(description = "退回原因", required = true, maxLength = AnnualReportWorkflow.REASON_MAX)
            @NotBlank(message = "请填写退回原因")
            @Size(max = AnnualReportWorkflow.REASON_MAX, message = "退回原因不能超过 500 个字符") String reason) {
    }

    // ---------------------------------------------------------------- views

    @Schema(name = "AnnualReportFigure", description = "一项目标与完成数")
    public record FigureView(
            @Schema(description = "目标", required = true) long target,
            @Schema(description = "完成数（平台不记录的项为空）", nullable = true) Long achieved) {
        static FigureView of(AnnualReportService.Figure f) {
            return new FigureView(f.target(), f.achieved());
        }
    }

    @Schema(name = "AnnualReportFigures", description = "一个区县（或合计）的八项目标完成情况和服务率")
    public record FiguresView(
            @Schema(description = "区县代码（合计为 CITY）", required = true) String regionCode,
            @Schema(description = "区县名称（合计为“合计”）", required = true) String regionName,
            @Schema(description = "新增见习基地", required = true) FigureView newBases,
            @Schema(description = "其中重点企业", required = true) FigureView newKeyEnterpriseBases,
            @Schema(description = "募集见习岗位", required = true) FigureView positions,
            @Schema(description = "组织见习人数（当年到岗）", required = true) FigureView participants,
            @Schema(description = "政策宣讲", required = true) FigureView policySessions,
            @Schema(description = "供需对接活动", required = true) FigureView matchingEvents,
            @Schema(description = "选树典型人物", required = true) FigureView typicalPersons,
            @Schema(description = "推荐国家级典型", required = true) FigureView nationalNominations,
            @Schema(description = "服务率（0–1）；没有需要服务的人员时、以及合计行为空", nullable = true) Double serviceRate) {
        static FiguresView of(AnnualReportService.RegionYear r) {
            return new FiguresView(r.regionCode(), r.regionName(), FigureView.of(r.newBases()), FigureView.of(r.newKeyEnterpriseBases()),
                    FigureView.of(r.positions()), FigureView.of(r.participants()), FigureView.of(r.policySessions()),
                    FigureView.of(r.matchingEvents()), FigureView.of(r.typicalPersons()), FigureView.of(r.nationalNominations()),
                    r.serviceRate());
        }
    }

    @Schema(name = "AnnualReportVersion", description = "年度报告的一个提交版本")
    public record VersionView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "版本号（从 1 起）", required = true) int version,
            @Schema(description = "状态：SUBMITTED 待审核、RETURNED 已退回、ACCEPTED 已通过", required = true,
                    enumeration = {"SUBMITTED", "RETURNED", "ACCEPTED"}) String status,
            @Schema(description = "提交时冻结的八项目标完成情况和服务率", required = true) FiguresView figures,
            @Schema(description = "一、年度工作开展情况", required = true) String workDone,
            @Schema(description = "二、存在的问题", required = true) String problems,
            @Schema(description = "三、下一年度工作计划", required = true) String nextYearPlan,
            @Schema(description = "提交人账户", required = true) String submittedBy,
            @Schema(description = "提交时间", required = true) OffsetDateTime submittedAt,
            @Schema(description = "审核人账户") String reviewedBy,
            @Schema(description = "审核时间") OffsetDateTime reviewedAt,
            @Schema(description = "退回原因（已退回时）") String returnReason) {
        static VersionView of(AnnualSubmissions.Version v) {
            return new VersionView(v.year(), v.regionCode(), v.version(), v.status(), FiguresView.of(v.figures()),
                    v.narrative().workDone(), v.narrative().problems(), v.narrative().nextYearPlan(), v.submittedBy(),
                    v.submittedAt(), v.reviewedBy(), v.reviewedAt(), v.returnReason());
        }
    }

    @Schema(name = "AnnualReportDrift", description = "提交后记录有变化的一项")
    public record DriftView(
            @Schema(description = "项目（字段名，如 positions）", required = true) String key,
            @Schema(description = "项目名称", required = true) String label,
            @Schema(description = "提交时冻结的完成数") Long frozen,
            @Schema(description = "按今天的记录计算的完成数") Long current) {
        static DriftView of(AnnualFigures.Drift d) {
            return new DriftView(d.key(), d.label(), d.frozen(), d.current());
        }
    }

    @Schema(name = "AnnualRegionReport", description = "一个区县的年度计划实施情况报告")
    public record RegionReportView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "状态：DRAFT 未提交、SUBMITTED 待审核、RETURNED 已退回、ACCEPTED 已通过（最终）", required = true,
                    enumeration = {"DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"}) String status,
            @Schema(description = "可提交的起始日期（该年 12 月 1 日）", required = true) LocalDate opensOn,
            @Schema(description = "今天是否已可提交", required = true) boolean submissionOpen,
            @Schema(description = "按今天的记录计算的八项目标完成情况（提交时将冻结这些数据）", required = true) FiguresView live,
            @Schema(description = "最新版本（未提交时为空）") VersionView current,
            @Schema(description = "全部版本（新到旧）", required = true) List<VersionView> versions,
            @Schema(description = "待审核或已通过的版本中与今天的记录不同的项", required = true) List<DriftView> drift) {
        static RegionReportView of(AnnualReportWorkflow.RegionReport r) {
            return new RegionReportView(r.year(), r.regionCode(), r.regionName(), r.status(), r.opensOn(), r.submissionOpen(),
                    FiguresView.of(r.live()), r.current() == null ? null : VersionView.of(r.current()),
                    r.versions().stream().map(VersionView::of).toList(), r.drift().stream().map(DriftView::of).toList());
        }
    }

    @Schema(name = "AnnualReportStanding", description = "一个区县年度报告的报送情况")
    public record StandingView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "状态：DRAFT 未提交、SUBMITTED 待审核、RETURNED 已退回、ACCEPTED 已通过", required = true,
                    enumeration = {"DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"}) String status,
            @Schema(description = "最新版本号（未提交时为空）") Integer version,
            @Schema(description = "最新版本的提交时间") OffsetDateTime submittedAt,
            @Schema(description = "审核时间") OffsetDateTime reviewedAt,
            @Schema(description = "退回原因") String returnReason) {
    }

    @Schema(name = "AnnualReportOverview", description = "某年度年度报告的报送情况")
    public record OverviewView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "可提交的起始日期（该年 12 月 1 日）", required = true) LocalDate opensOn,
            @Schema(description = "今天是否已可提交", required = true) boolean submissionOpen,
            @Schema(description = "区县数", required = true) long total,
            @Schema(description = "待审核数", required = true) long submitted,
            @Schema(description = "已退回数", required = true) long returned,
            @Schema(description = "已通过数", required = true) long accepted,
            @Schema(description = "未提交数", required = true) long draft,
            @Schema(description = "各区县（按官方顺序）", required = true) List<StandingView> items) {
        static OverviewView of(AnnualReportWorkflow.Overview o) {
            return new OverviewView(o.year(), o.opensOn(), o.submissionOpen(), o.regions().size(), o.submitted(), o.returned(),
                    o.accepted(), o.draft(), o.regions().stream().map(s -> new StandingView(s.regionCode(), s.regionName(),
                    s.status(), s.version(), s.submittedAt(), s.reviewedAt(), s.returnReason())).toList());
        }
    }

    @Schema(name = "AnnualCompiledRow", description = "全市汇总中的一个区县")
    public record CompiledRowView(
            @Schema(description = "显示的数据：冻结的（frozen 为 true）或按当前记录计算的", required = true) FiguresView figures,
            @Schema(description = "该区县年度报告的状态", required = true, enumeration = {"DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED"}) String status,
            @Schema(description = "取用的版本号（按当前记录时为空）") Integer version,
            @Schema(description = "true：取已通过或待审核版本的冻结数据；false：按当前记录", required = true) boolean frozen) {
    }

    @Schema(name = "AnnualDepartmentQuota", description = "市级部门岗位募集任务")
    public record DepartmentView(
            @Schema(description = "部门代码", required = true) String code,
            @Schema(description = "部门名称", required = true) String name,
            @Schema(description = "任务与完成数（当前记录）", required = true) FigureView positions) {
    }

    @Schema(name = "AnnualCompiledReport", description = "全市年度计划实施情况报告（区县汇总）")
    public record CompiledView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "各区县（按官方顺序）", required = true) List<CompiledRowView> regions,
            @Schema(description = "合计（服务率为空）", required = true) FiguresView total,
            @Schema(description = "市级部门任务", required = true) List<DepartmentView> departments) {
        static CompiledView of(AnnualReportWorkflow.Compiled c) {
            return new CompiledView(c.year(), c.regions().stream().map(r -> new CompiledRowView(FiguresView.of(r.figures()),
                    r.status(), r.version(), r.frozen())).toList(), FiguresView.of(c.total()),
                    c.departments().stream().map(d -> new DepartmentView(d.code(), d.name(), FigureView.of(d.positions()))).toList());
        }
    }
}
