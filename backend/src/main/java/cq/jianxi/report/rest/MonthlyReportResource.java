package cq.jianxi.report.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.internship.service.InternshipService;
import cq.jianxi.report.service.MonthlyReportService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The monthly summary (Annex 4) and progress (Annex 5) tables of a region or the city. */
@Path("/api/reports/monthly/{regionCode}/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "统计报表")
@Authenticated
public class MonthlyReportResource {

    @Inject
    MonthlyReportService reports;

    @Inject
    cq.jianxi.report.service.MonthlyReportWorkflow workflow;

    @Inject
    cq.jianxi.report.service.ReportExportService exports;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "A month's report tables",
            description = "某区县（或 CITY 全市，为 41 个区县之和）某月的附件4 汇总表（14 项指标，指标5 由区县填报，其余由业务数据计算）和附件5 推进表（10 列，由当月活动计算），以及校验结果：1≥2、3≥4、5≥6≥7、8≥9+11、9≥10，和“上期末在岗 + 本期到岗 − 完成 − 非正常结束 = 本期末在岗”。截止日期为次月第 2 个工作日。区县管理员只能查看本区县。")
    public Uni<ReportView> getMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period,
                                            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "true 时按当前业务数据重新计算（用于更正已提交的月报）")
                                            @jakarta.ws.rs.QueryParam("live") @jakarta.ws.rs.DefaultValue("false") boolean live) {
        return workflow.view(callers.current(), regionCode, InternshipService.parseMonth(period), live).map(ReportView::of);
    }

    @GET
    @Path("/annex4.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Export the summary table (Annex 4)",
            description = "按附件4 官方格式导出汇总表 xlsx：标题、单位行、含“其中”列的多行合并表头、栏次 1–14、数值、落款（填报单位（盖章）、填报时间、填报人、联系电话）和填报说明。全市（CITY）导出每区县一行并有合计行。以 = + - @ 开头的文本做防公式注入处理。")
    public Uni<jakarta.ws.rs.core.Response> exportAnnex4(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        var month = InternshipService.parseMonth(period);
        return exports.annex4(callers.current(), regionCode, month).map(bytes -> xlsx(bytes, "附件4汇总表-" + regionCode + "-" + month));
    }

    @GET
    @Path("/annex5.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Export the progress table (Annex 5)",
            description = "按附件5 官方格式导出推进表 xlsx（两组合并表头、参与青年分两列、栏次、填报说明）。全市导出每区县一行并有合计行。")
    public Uni<jakarta.ws.rs.core.Response> exportAnnex5(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        var month = InternshipService.parseMonth(period);
        return exports.annex5(callers.current(), regionCode, month).map(bytes -> xlsx(bytes, "附件5推进表-" + regionCode + "-" + month));
    }

    private static jakarta.ws.rs.core.Response xlsx(byte[] bytes, String name) {
        String encoded = java.net.URLEncoder.encode(name + ".xlsx", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return jakarta.ws.rs.core.Response.ok(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"report.xlsx\"; filename*=UTF-8''" + encoded).build();
    }

    @jakarta.ws.rs.POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a month's report",
            description = "区县提交月报（填报人、联系电话、填报时间）。有未通过的校验时拒绝（422，逐条列出规则）；提交后保存为冻结的版本，之后业务数据变化不影响已提交内容。已通过的月报需要更正时再次提交即为新版本，历史保留。")
    public Uni<VersionView> submitMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period,
                                                SubmitBody body) {
        return workflow.submit(callers.current(), regionCode, InternshipService.parseMonth(period),
                body == null ? null : body.filledBy(), body == null ? null : body.phone(),
                body == null ? null : body.filledOn()).map(VersionView::of);
    }

    @jakarta.ws.rs.POST
    @Path("/accept")
    @Operation(summary = "Accept a submitted report", description = "市人社局审核通过区县提交的月报；此前通过的版本标为已被更正。")
    public Uni<VersionView> acceptMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        return workflow.accept(callers.current(), regionCode, InternshipService.parseMonth(period)).map(VersionView::of);
    }

    @jakarta.ws.rs.POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a submitted report", description = "市人社局退回月报并说明原因，区县修改后重新提交。")
    public Uni<VersionView> returnMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period,
                                                ReturnBody body) {
        return workflow.returnReport(callers.current(), regionCode, InternshipService.parseMonth(period),
                body == null ? null : body.reason()).map(VersionView::of);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Versions of a report", description = "某区县某月月报的全部提交版本（新到旧），含状态、填报人、审核人和退回原因。")
    public Uni<List<VersionView>> getMonthlyReportHistory(@PathParam("regionCode") String regionCode,
                                                          @PathParam("period") String period) {
        return workflow.history(callers.current(), regionCode, InternshipService.parseMonth(period))
                .map(list -> list.stream().map(VersionView::of).toList());
    }

    @Schema(name = "MonthlyReportSubmission", description = "提交月报")
    public record SubmitBody(
            @Schema(description = "填报人", required = true) String filledBy,
            @Schema(description = "联系电话（加密保存）", required = true) String phone,
            @Schema(description = "填报时间", required = true) LocalDate filledOn) {
    }

    @Schema(name = "MonthlyReportReturn", description = "退回月报")
    public record ReturnBody(@Schema(description = "退回原因", required = true) String reason) {
    }

    @Schema(name = "MonthlyReportVersion", description = "月报的一个提交版本")
    public record VersionView(
            @Schema(description = "版本号", required = true) int version,
            @Schema(description = "状态：SUBMITTED 待审核、ACCEPTED 已通过、RETURNED 已退回、SUPERSEDED 已被更正", required = true) String status,
            @Schema(description = "填报人", required = true) String filledBy,
            @Schema(description = "填报时间", required = true) LocalDate filledOn,
            @Schema(description = "提交人账户", required = true) String submittedBy,
            @Schema(description = "提交时间", required = true) OffsetDateTime submittedAt,
            @Schema(description = "审核人") String decidedBy,
            @Schema(description = "审核时间") OffsetDateTime decidedAt,
            @Schema(description = "退回原因") String returnReason,
            @Schema(description = "冻结的附件4 指标", required = true) List<CellView> annex4,
            @Schema(description = "冻结的附件5 列", required = true) List<CellView> annex5) {
        static VersionView of(cq.jianxi.report.service.MonthlyReportWorkflow.Version v) {
            return new VersionView(v.version(), v.status(), v.filledBy(), v.filledOn(), v.submittedBy(), v.submittedAt(),
                    v.decidedBy(), v.decidedAt(), v.returnReason(),
                    v.annex4().stream().map(c -> new CellView(c.no(), c.name(), c.value())).toList(),
                    v.annex5().stream().map(c -> new CellView(c.no(), c.name(), c.value())).toList());
        }
    }

    @PUT
    @Path("/inputs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter indicator 5", description = "区县填报指标5“本期计划组织见习人数”，返回重新计算的报表。")
    public Uni<ReportView> putMonthlyReportInputs(@PathParam("regionCode") String regionCode, @PathParam("period") String period,
                                                  InputsBody body) {
        var caller = callers.current();
        var month = InternshipService.parseMonth(period);
        return reports.setPlannedParticipants(caller, regionCode, month, body == null ? null : body.plannedParticipants())
                .flatMap(v -> workflow.view(caller, regionCode, month, true)).map(ReportView::of);
    }

    @Schema(name = "MonthlyReportInputs", description = "区县填报项")
    public record InputsBody(@Schema(description = "指标5：本期计划组织见习人数", required = true) Integer plannedParticipants) {
    }

    @Schema(name = "ReportCell", description = "报表中的一项")
    public record CellView(
            @Schema(description = "序号", required = true) int no,
            @Schema(description = "名称", required = true) String name,
            @Schema(description = "值（指标5 未填报时为空；指标14 为万元）") BigDecimal value) {
    }

    @Schema(name = "ReportViolation", description = "未通过的校验规则")
    public record FindingView(
            @Schema(description = "规则，如 1≥2、8≥9+11、continuity", required = true) String rule,
            @Schema(description = "说明", required = true) String message) {
    }

    @Schema(name = "MonthlyReport", description = "月度报表")
    public record ReportView(
            @Schema(description = "区县代码或 CITY", required = true) String regionCode,
            @Schema(description = "统计月份 YYYY-MM", required = true) String period,
            @Schema(description = "状态：DRAFT 填报中、SUBMITTED 待审核、ACCEPTED 已通过、RETURNED 已退回", required = true) String status,
            @Schema(description = "截止日期（次月第 2 个工作日）；放假安排未录入时为空") LocalDate dueDate,
            @Schema(description = "截止日期无法确定时的说明") String dueDateMessage,
            @Schema(description = "提交时间") OffsetDateTime submittedAt,
            @Schema(description = "附件4 汇总表 14 项指标", required = true) List<CellView> annex4,
            @Schema(description = "附件5 推进表 10 列", required = true) List<CellView> annex5,
            @Schema(description = "未通过的校验（为空才可提交）", required = true) List<FindingView> violations,
            @Schema(description = "退回原因") String returnReason) {
        static ReportView of(MonthlyReportService.Report r) {
            return new ReportView(r.regionCode(), r.period().toString(), r.status(), r.dueDate(), r.dueDateMessage(), r.submittedAt(),
                    r.annex4().stream().map(c -> new CellView(c.no(), c.name(), c.value())).toList(),
                    r.annex5().stream().map(c -> new CellView(c.no(), c.name(), c.value())).toList(),
                    r.violations().stream().map(f -> new FindingView(f.rule(), f.message())).toList(), r.returnReason());
        }
    }
}
