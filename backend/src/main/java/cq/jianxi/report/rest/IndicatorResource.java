package cq.jianxi.report.rest;

import cq.jianxi.common.time.Months;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.report.service.InternshipIndicators;
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

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Indicators 6–14 of the monthly summary table, computed from internship and payment records. */
@Path("/api/indicators/internships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "统计报表")
@Authenticated
public class IndicatorResource {

    static final Map<Integer, String> NAMES = Map.of(6, "本期实际到岗人数", 7, "其中：离校2年内未就业高校毕业生人数",
            8, "本期完成见习人数", 9, "其中：被见习单位留用人数", 10, "其中：离校2年内未就业高校毕业生人数",
            11, "其中：其他方式就业人数", 12, "本期非正常结束见习人数", 13, "本期末实有在岗见习",
            14, "本年累计各级财政实际拨付的见习补贴资金数（万元）");

    @Inject
    InternshipIndicators indicators;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Internship indicators of a month",
            description = "附件4 汇总表指标 6–14：某区县（或全市 CITY）某月的到岗、完成、留用、其他方式就业、非正常结束、期末在岗人数和本年累计拨付补贴（万元）。“本期”指当月，不累计；指标 14 为本年累计。区县管理员只能查看本区县。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "指标")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "404", description = "未知的区县代码")
    public Uni<List<IndicatorView>> getInternshipIndicators(
            @Parameter(description = "区县代码，或 CITY 表示全市") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "统计月份 YYYY-MM", required = true) @jakarta.validation.constraints.Pattern(regexp = cq.jianxi.common.validation.Formats.MONTH, message = "月份格式应为 YYYY-MM") @QueryParam("period") String period) {
        return indicators.compute(callers.current(), regionCode, Months.parse("period", period))
                .map(values -> values.entrySet().stream()
                        .map(e -> new IndicatorView(e.getKey(), NAMES.get(e.getKey()), e.getValue())).toList());
    }

    @Schema(name = "Indicator", description = "一项统计指标")
    public record IndicatorView(
            @Schema(description = "指标序号（附件4）", required = true) int no,
            @Schema(description = "指标名称", required = true) String name,
            @Schema(description = "指标值（人数；指标 14 为万元，两位小数）", required = true) BigDecimal value) {
    }
}
