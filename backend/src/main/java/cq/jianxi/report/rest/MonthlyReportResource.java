package cq.jianxi.report.rest;

import cq.jianxi.common.time.Months;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.report.service.MonthlyReportService;
import cq.jianxi.report.service.MonthlyReportWorkflow;
import cq.jianxi.report.service.ReportVersions;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
        return workflow.view(callers.current(), regionCode, Months.parse("period", period), live).map(ReportView::of);
    }

    @GET
    @Path("/annex4.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Export the summary table (Annex 4)",
            description = "按附件4 官方格式导出汇总表 xlsx：标题、单位行、含“其中”列的多行合并表头、栏次 1–14、数值、落款（填报单位（盖章）、填报时间、填报人、联系电话）和填报说明。全市（CITY）导出每区县一行并有合计行。以 = + - @ 开头的文本做防公式注入处理。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.EXPORT)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "xlsx 文件")
    public Uni<jakarta.ws.rs.core.Response> exportAnnex4(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        var month = Months.parse("period", period);
        return exports.annex4(callers.current(), regionCode, month).map(bytes -> xlsx(bytes, "附件4汇总表-" + regionCode + "-" + month));
    }

    @GET
    @Path("/annex5.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Export the progress table (Annex 5)",
            description = "按附件5 官方格式导出推进表 xlsx（两组合并表头、参与青年分两列、栏次、填报说明）。全市导出每区县一行并有合计行。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.EXPORT)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "xlsx 文件")
    public Uni<jakarta.ws.rs.core.Response> exportAnnex5(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        var month = Months.parse("period", period);
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
            description = "区县提交月报（填报人、联系电话、填报时间）。报表由业务记录计算，规则 1≥2、3≥4、5≥6≥7、8≥9+11、9≥10 按口径必然成立；提交后保存为冻结的版本，之后业务数据变化显示为“提交后记录有变化”，不改变已提交内容。已通过的月报需要更正时再次提交（须填写更正原因）即为新版本，市人社局审核通过后替代原版本，历史保留。")
    public Uni<VersionView> submitMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period,
                                                SubmitBody body) {
        return workflow.submit(callers.current(), regionCode, Months.parse("period", period),
                body == null ? new MonthlyReportWorkflow.Submission(null, null, null, null)
                        : new MonthlyReportWorkflow.Submission(body.filledBy(), body.phone(), body.filledOn(), body.correctionReason()))
                .map(VersionView::of);
    }

    @jakarta.ws.rs.POST
    @Path("/accept")
    @Operation(summary = "Accept a submitted report", description = "市人社局审核通过区县提交的月报；此前通过的版本标为已被更正。")
    public Uni<VersionView> acceptMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        return workflow.accept(callers.current(), regionCode, Months.parse("period", period)).map(VersionView::of);
    }

    @jakarta.ws.rs.POST
    @Path("/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a submitted report", description = "市人社局退回月报并说明原因，区县修改后重新提交。")
    public Uni<VersionView> returnMonthlyReport(@PathParam("regionCode") String regionCode, @PathParam("period") String period,
                                                ReturnBody body) {
        return workflow.returnReport(callers.current(), regionCode, Months.parse("period", period),
                body == null ? null : body.reason()).map(VersionView::of);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Versions of a report", description = "某区县某月月报的全部提交版本（新到旧），含状态、填报人、审核人和退回原因。")
    public Uni<List<VersionView>> getMonthlyReportHistory(@PathParam("regionCode") String regionCode,
                                                          @PathParam("period") String period) {
        return workflow.history(callers.current(), regionCode, Months.parse("period", period))
                .map(list -> list.stream().map(VersionView::of).toList());
    }

    @Schema(name = "MonthlyReportSubmission", description = "提交月报")
    public record SubmitBody(
            @Schema(description = "填报人", required = true) String filledBy,
            @Schema(description = "联系电话（加密保存）", required = true, pattern = cq.jianxi.common.validation.Formats.PHONE) String phone,
            @Schema(description = "填报时间", required = true) LocalDate filledOn,
            @Schema(description = "更正原因（更正已审核通过的月报时必填）", maxLength = 500) String correctionReason) {
    }

    @Schema(name = "MonthlyReportReturn", description = "退回月报")
    public record ReturnBody(@Schema(description = "退回原因", required = true) String reason) {
    }

    @Schema(name = "MonthlyReportVersion", description = "月报的一个提交版本")
    public record VersionView(
            @Schema(description = "版本号", required = true) int version,
            @Schema(description = "状态：SUBMITTED 待审核、ACCEPTED 已通过、RETURNED 已退回、SUPERSEDED 已被更正", required = true, enumeration = {"SUBMITTED", "ACCEPTED", "RETURNED", "SUPERSEDED"}) String status,
            @Schema(description = "填报人", required = true) String filledBy,
            @Schema(description = "填报时间", required = true) LocalDate filledOn,
            @Schema(description = "提交人账户", required = true) String submittedBy,
            @Schema(description = "提交时间", required = true) OffsetDateTime submittedAt,
            @Schema(description = "审核人") String decidedBy,
            @Schema(description = "审核时间") OffsetDateTime decidedAt,
            @Schema(description = "退回原因") String returnReason,
            @Schema(description = "更正原因（更正已通过的月报时）") String correctionReason,
            @Schema(description = "冻结的附件4 指标", required = true) List<CellView> annex4,
            @Schema(description = "冻结的附件5 列", required = true) List<CellView> annex5) {
        static VersionView of(ReportVersions.Version v) {
            return new VersionView(v.version(), v.status(), v.filledBy(), v.filledOn(), v.submittedBy(), v.submittedAt(),
                    v.decidedBy(), v.decidedAt(), v.returnReason(), v.correctionReason(),
                    v.annex4().stream().map(c -> new CellView(c.no(), c.name(), c.value())).toList(),
                    v.annex5().stream().map(c -> new CellView(c.no(), c.name(), c.value())).toList());
        }
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

    @Schema(name = "ReportDrift", description = "提交后记录有变化的一项")
    public record DriftView(
            @Schema(description = "表：annex4 或 annex5", required = true, enumeration = {"annex4", "annex5"}) String table,
            @Schema(description = "序号", required = true) int no,
            @Schema(description = "名称", required = true) String name,
            @Schema(description = "已提交（冻结）的值") BigDecimal frozen,
            @Schema(description = "按今天的记录计算的值") BigDecimal current) {
    }

    @Schema(name = "OnPostReconciliation", description = "在岗人次衔接：上期末在岗 + 本期到岗 − 完成 − 非正常结束 − 到期未结束 = 本期末在岗")
    public record ReconciliationView(
            @Schema(description = "上期末在岗（人次）", required = true) long previousOnPost,
            @Schema(description = "本期到岗（人次）", required = true) long arrivals,
            @Schema(description = "本期完成见习（指标8）", required = true) long completed,
            @Schema(description = "本期非正常结束（指标12）", required = true) long abnormal,
            @Schema(description = "计划结束日在本期、未登记结束的见习", required = true) long lapsed,
            @Schema(description = "本期末在岗（人次）", required = true) long onPost,
            @Schema(description = "截至期末已过计划结束日仍未登记结束的见习（待结束）", required = true) long toBeClosed) {
    }

    @Schema(name = "ReportSource", description = "全市月报中某区县数据的来源")
    public record SourceView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "ACCEPTED 已通过版本、SUBMITTED 待审核版本、LIVE 未提交（按当前记录）", required = true,
                    enumeration = {"ACCEPTED", "SUBMITTED", "LIVE"}) String kind,
            @Schema(description = "版本号（LIVE 时为空）") Integer version) {
    }

    @Schema(name = "MonthlyReport", description = "月度报表")
    public record ReportView(
            @Schema(description = "区县代码或 CITY", required = true) String regionCode,
            @Schema(description = "统计月份 YYYY-MM", required = true) String period,
            @Schema(description = "状态：区县 DRAFT 填报中、SUBMITTED 待审核、ACCEPTED 已通过、RETURNED 已退回；全市 OPEN 未关账、CLOSED 已关账",
                    required = true, enumeration = {"DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED", "OPEN", "CLOSED"}) String status,
            @Schema(description = "显示的版本号（未提交时为空）") Integer version,
            @Schema(description = "截止日期（次月第 2 个工作日）", required = true) LocalDate dueDate,
            @Schema(description = "截止日期是否为暂定（次年放假安排未录入，按周末推算）", required = true) boolean dueDateProvisional,
            @Schema(description = "截止日期的说明（暂定时提示录入放假安排）") String dueDateMessage,
            @Schema(description = "提交（或关账）时间") OffsetDateTime submittedAt,
            @Schema(description = "附件4 汇总表 14 项指标", required = true) List<CellView> annex4,
            @Schema(description = "附件5 推进表 10 列", required = true) List<CellView> annex5,
            @Schema(description = "未通过的校验（按口径应始终为空）", required = true) List<FindingView> violations,
            @Schema(description = "在岗人次衔接（区县）") ReconciliationView reconciliation,
            @Schema(description = "提交后记录有变化的项（与冻结版本不同的格）", required = true) List<DriftView> drift,
            @Schema(description = "全市月报各区县数据来源（区县月报为空）", required = true) List<SourceView> sources,
            @Schema(description = "退回原因") String returnReason,
            @Schema(description = "更正原因") String correctionReason) {
        static ReportView of(MonthlyReportService.Report r) {
            var c = r.reconciliation();
            return new ReportView(r.regionCode(), r.period().toString(), r.status(), r.version(), r.dueDate(),
                    r.dueDateProvisional(), r.dueDateMessage(), r.submittedAt(),
                    r.annex4().stream().map(x -> new CellView(x.no(), x.name(), x.value())).toList(),
                    r.annex5().stream().map(x -> new CellView(x.no(), x.name(), x.value())).toList(),
                    r.violations().stream().map(f -> new FindingView(f.rule(), f.message())).toList(),
                    c == null ? null : new ReconciliationView(c.previousOnPost(), c.arrivals(), c.completed(), c.abnormal(),
                            c.lapsed(), c.onPost(), c.toBeClosed()),
                    r.drift().stream().map(d -> new DriftView(d.table(), d.no(), d.name(), d.frozen(), d.current())).toList(),
                    r.sources().stream().map(x -> new SourceView(x.regionCode(), x.kind(), x.version())).toList(),
                    r.returnReason(), r.correctionReason());
        }
    }

    @Schema(name = "CityMonthClose", description = "全市月报关账版本")
    public record CityCloseView(
            @Schema(description = "版本号", required = true) int version,
            @Schema(description = "关账人", required = true) String closedBy,
            @Schema(description = "关账时间", required = true) OffsetDateTime closedAt) {
    }

    @jakarta.ws.rs.POST
    @Path("/close")
    @Operation(summary = "Close the city's month",
            description = "市人社局关账：把各区县已通过（否则待审核）的版本与未提交区县的当前记录汇总为全市月报的一个版本。路径中的区县须为 CITY。之后的更正显示为变化，可再次关账形成新版本。")
    public Uni<CityCloseView> closeCityMonth(@PathParam("regionCode") String regionCode, @PathParam("period") String period) {
        if (!MonthlyReportService.CITY.equals(regionCode)) {
            throw ApiProblem.invalidField("regionCode", "关账只适用于全市（CITY）");
        }
        return workflow.closeCity(callers.current(), Months.parse("period", period))
                .map(v -> new CityCloseView(v.version(), v.closedBy(), v.closedAt()));
    }
}
