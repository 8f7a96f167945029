package cq.jianxi.report.rest;

import cq.jianxi.common.time.Months;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.report.service.MonthlyReportWorkflow;
import io.quarkus.security.Authenticated;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Which regions have submitted a month's report, which were returned, which are late. */
@Path("/api/reports/monthly-overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "统计报表")
@Authenticated
public class ReportOverviewResource {

    @Inject
    MonthlyReportWorkflow workflow;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Submission overview of a month",
            description = "各区县某月月报的提交情况：未提交、待审核、已通过、已退回，以及过了截止日期仍未提交的逾期标记。区县管理员只看本区县（用于月初提醒）。")
    public Uni<List<StandingView>> getMonthlyOverview(@Parameter(description = "统计月份 YYYY-MM", required = true)
                                                     @jakarta.validation.constraints.Pattern(regexp = cq.jianxi.common.validation.Formats.MONTH, message = "月份格式应为 YYYY-MM") @QueryParam("period") String period) {
        return workflow.overview(callers.current(), Months.parse("period", period))
                .map(list -> list.stream().map(s -> new StandingView(s.regionCode(), s.regionName(), s.status(), s.version(),
                        s.submittedAt(), s.dueDate(), s.overdue(), s.returnReason())).toList());
    }

    @Schema(name = "MonthlyReportStanding", description = "一个区县的月报提交情况")
    public record StandingView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "状态：DRAFT 未提交、SUBMITTED 待审核、ACCEPTED 已通过、RETURNED 已退回", required = true, enumeration = {"DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED"}) String status,
            @Schema(description = "最新版本号") Integer version,
            @Schema(description = "提交时间") OffsetDateTime submittedAt,
            @Schema(description = "截止日期") LocalDate dueDate,
            @Schema(description = "是否逾期未交", required = true) boolean overdue,
            @Schema(description = "退回原因") String returnReason) {
    }
}
