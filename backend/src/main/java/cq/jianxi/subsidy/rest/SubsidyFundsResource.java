package cq.jianxi.subsidy.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.subsidy.service.SubsidyFunds;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

/** 市财政局 with 市人社局: the year's subsidy funds by funding level and region, read-only. */
@Path("/api/subsidy-funds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "市级部门工作")
@Authenticated
public class SubsidyFundsResource {

    @Inject
    SubsidyFunds funds;
    @Inject
    CallerProvider callers;
    @Inject
    AppClock clock;

    @Schema(name = "RegionFunds", description = "一个区县（或全市）某年度的见习补贴资金（元）")
    public record RegionFundsView(
            @Schema(description = "区县代码；全市合计为 CITY", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "中央资金拨付（按拨付日期计入年度）", required = true) BigDecimal paidCentral,
            @Schema(description = "市级资金拨付", required = true) BigDecimal paidCity,
            @Schema(description = "区县资金拨付", required = true) BigDecimal paidDistrict,
            @Schema(description = "拨付合计", required = true) BigDecimal paidTotal,
            @Schema(description = "已核定未拨付（申领月份在该年度、状态为审核通过的核定金额减去已拨付）", required = true) BigDecimal approvedUnpaid,
            @Schema(description = "申领笔数（申领月份在该年度，不含驳回）", required = true) long claims,
            @Schema(description = "申领金额（不含驳回）", required = true) BigDecimal requested) {
        static RegionFundsView of(SubsidyFunds.RegionFunds f) {
            return new RegionFundsView(f.regionCode(), f.regionName(), f.paidCentral(), f.paidCity(), f.paidDistrict(),
                    f.paidTotal(), f.approvedUnpaid(), f.claims(), f.requested());
        }
    }

    @Schema(name = "SubsidyFunds", description = "某年度全市见习补贴资金：按资金层级和区县")
    public record FundsView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "各区县（按附件顺序，含为零的区县）", required = true) List<RegionFundsView> regions,
            @Schema(description = "全市合计", required = true) RegionFundsView city) {
    }

    @GET
    @Operation(operationId = "getSubsidyFunds", summary = "Subsidy funds by funding level and region",
            description = "市财政局、市人社局（部门账户）和市人社局管理员只读查看某年度见习补贴资金：各区县及全市的中央、市级、区县资金拨付额，"
                    + "已核定未拨付额，申领笔数和申领金额。不含任何个人信息；本接口及这些账户都不能审核或拨付。其他部门、区县、基地和青年 403。")
    @APIResponse(responseCode = "200", description = "资金情况", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FundsView.class)))
    @APIResponse(responseCode = "400", description = "年度不合法（字段 year）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "无权查看补贴资金")
    public Uni<FundsView> getSubsidyFunds(@Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year) {
        return funds.year(callers.current(), year != null ? year : clock.today().getYear())
                .map(f -> new FundsView(f.year(), f.regions().stream().map(RegionFundsView::of).toList(),
                        RegionFundsView.of(f.city())));
    }
}
