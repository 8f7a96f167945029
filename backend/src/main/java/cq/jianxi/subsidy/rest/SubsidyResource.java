package cq.jianxi.subsidy.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.subsidy.domain.SubsidyClaim;
import cq.jianxi.subsidy.domain.SubsidyRate;
import cq.jianxi.subsidy.service.SubsidyPayments;
import cq.jianxi.subsidy.service.SubsidyRates;
import cq.jianxi.subsidy.service.SubsidyService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Internship subsidies: rates, claims, review and payments. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习补贴")
@Authenticated
public class SubsidyResource {

    @Inject
    cq.jianxi.common.time.AppClock clock;
    @Inject
    SubsidyService subsidies;
    @Inject
    SubsidyRates rates;
    @Inject
    SubsidyPayments payments;

    @Inject
    CallerProvider callers;

    @GET
    @Path("/subsidy-rates")
    @Operation(summary = "Subsidy rates", description = "各年度见习补贴标准（元/人·月，留用率达标的高标准）、意外伤害保险补贴（元/人）和基本生活费下限（元/月）。")
    public Uni<List<RateView>> listSubsidyRates() {
        callers.current();
        return rates.rates().map(list -> list.stream().map(RateView::of).toList());
    }

    @PUT
    @Path("/subsidy-rates/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a year's subsidy rates", description = "市人社局管理员设置某年度补贴标准和生活费下限。")
    public Uni<RateView> setSubsidyRate(@PathParam("year") int year, RateBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return rates.setRate(callers.current(), year, body.standardMonthly(), body.highRetentionMonthly(),
                body.retentionThreshold(), body.insurancePerPerson(), body.allowanceFloor()).map(RateView::of);
    }

    @POST
    @Path("/subsidy-claims")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Claim a month's subsidy",
            description = "见习基地为一名见习人员申领某月补贴：该月须经基地和本人双方确认、未被本人标记；每人每月只能申领一次；非正常结束之后的月份、备案已撤销的基地不能申领。金额按该年度标准计算（基地留用率达到门槛时用高标准），首次申领另加意外伤害保险补贴。")
    @APIResponse(responseCode = "201", description = "已申领", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    public Uni<ClaimView> createSubsidyClaim(ClaimBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("internshipId", "请选择见习人员");
        }
        return subsidies.claim(callers.current(), body.internshipId(), body.month()).map(ClaimView::of);
    }

    @GET
    @Path("/subsidy-claims")
    @Operation(summary = "List subsidy claims",
            description = "按数据范围分页列出补贴申领（附总数，月份新的在前）：基地看本基地，青年看为本人申领的月份及拨付情况（防冒领），区县看本区县（审核队列 status=SUBMITTED），市人社局看全市。")
    public Uni<ClaimPage> listSubsidyClaims(
            @Parameter(description = "状态：SUBMITTED、APPROVED、REJECTED、PAID", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"SUBMITTED", "APPROVED", "REJECTED", "PAID"})) @QueryParam("status") String status,
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "见习编号") @QueryParam("internshipId") Long internshipId,
            @Parameter(description = "页码，从 0 开始") @jakarta.validation.constraints.Min(value = 0, message = "页码不能为负数") @jakarta.validation.constraints.Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @jakarta.validation.constraints.Min(value = 1, message = "每页条数须在 1 到 200 之间") @jakarta.validation.constraints.Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") int size) {
        return subsidies.list(callers.current(), status, regionCode, internshipId, page, size)
                .map(p -> new ClaimPage(p.items().stream().map(ClaimView::of).toList(), p.total(), p.page(), p.size()));
    }

    @Schema(name = "SubsidyClaimPage", description = "一页补贴申领")
    public record ClaimPage(
            @Schema(description = "本页申领", required = true) List<ClaimView> items,
            @Schema(description = "符合条件的申领总数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @POST
    @Path("/subsidy-claims/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a claim",
            description = "区县管理员（本区县）审核通过补贴申领，核定金额不超过申领金额（默认等于申领金额）。同时审核同一申领只产生一次状态变更。")
    public Uni<ClaimView> approveSubsidyClaim(@PathParam("id") long id, ApproveBody body) {
        return subsidies.approve(callers.current(), id, body == null ? null : body.amount()).map(ClaimView::of);
    }

    @POST
    @Path("/subsidy-claims/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a claim", description = "驳回补贴申领，须填理由。")
    public Uni<ClaimView> rejectSubsidyClaim(@PathParam("id") long id, RejectBody body) {
        return subsidies.reject(callers.current(), id, body == null ? null : body.reason()).map(ClaimView::of);
    }

    @POST
    @Path("/subsidy-claims/{id}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Record a payment",
            description = "登记补贴拨付：日期、金额（元）、资金层级（CENTRAL 中央、CITY 市级、DISTRICT 区县级）。拨付合计达到核定金额时申领变为已拨付，不能超过核定金额。本年累计拨付即附件4 指标 14。")
    @APIResponse(responseCode = "201", description = "已登记，返回更新后的申领", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ClaimView.class)))
    public Uni<ClaimView> recordDisbursement(@PathParam("id") long id, DisbursementBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("amount", "请填写拨付信息");
        }
        return payments.disburse(callers.current(), id, body.paidOn(), body.amount(), body.fundingLevel()).map(ClaimView::of);
    }

    @GET
    @Path("/subsidy-claims/{id}/disbursements")
    @Operation(summary = "Payments of a claim", description = "一笔申领的拨付明细。")
    public Uni<List<PaymentView>> listDisbursements(@PathParam("id") long id) {
        return payments.payments(callers.current(), id)
                .map(list -> list.stream().map(p -> new PaymentView(p.paidOn(), p.amount(), p.fundingLevel())).toList());
    }

    @GET
    @Path("/subsidy-totals")
    @Operation(summary = "Subsidy totals by region",
            description = "某年度各区县见习补贴申领、核定、拨付金额（元）及拨付万元数（即附件4 指标 14 的年度累计）。区县管理员只看本区县。")
    public Uni<List<TotalView>> getSubsidyTotals(@Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year) {
        int y = year != null ? year : clock.year();
        return subsidies.totals(callers.current(), y).map(list -> list.stream().map(t -> new TotalView(t.regionCode(),
                t.regionName(), t.requested(), t.approved(), t.paid(),
                t.paid().divide(BigDecimal.valueOf(10_000), 2, java.math.RoundingMode.HALF_UP))).toList());
    }

    @POST
    @Path("/subsidy-claims/disbursements/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Record payments from a file",
            description = "批量登记拨付：上传 CSV 或 xlsx（列：申领编号、拨付日期、金额、资金层级（中央/市级/区县级 或 CENTRAL/CITY/DISTRICT））。任何一行有误则整份拒绝（422），不写入任何数据。")
    public Uni<BatchPaymentResult> importDisbursements(@org.jboss.resteasy.reactive.RestForm("file")
                                                      org.jboss.resteasy.reactive.multipart.FileUpload file) {
        var caller = callers.current();
        java.nio.file.Path upload = cq.jianxi.common.web.Uploads.checked(file, 5L * 1024 * 1024);
        // Reading and parsing block: they run on a worker before the one service call.
        return cq.jianxi.common.tabular.TabularWorker.offload(() -> PaymentFile.parse(upload))
                .flatMap(lines -> payments.disburseAll(caller, lines)).map(BatchPaymentResult::new);
    }

    @Schema(name = "BatchPaymentResult", description = "批量登记拨付结果")
    public record BatchPaymentResult(@Schema(description = "登记的拨付笔数", required = true) int recorded) {
    }

    @Schema(name = "SubsidyTotal", description = "一个区县的年度补贴合计")
    public record TotalView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "申领金额（元，不含驳回）", required = true) BigDecimal requested,
            @Schema(description = "核定金额（元）", required = true) BigDecimal approved,
            @Schema(description = "实际拨付（元）", required = true) BigDecimal paid,
            @Schema(description = "实际拨付（万元，两位小数）", required = true) BigDecimal paidTenThousand) {
    }

    @Schema(name = "SubsidyRate", description = "年度见习补贴标准")
    public record RateView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "月补贴标准（元/人·月）", required = true) BigDecimal standardMonthly,
            @Schema(description = "留用率达标时的月补贴标准（元/人·月）", required = true) BigDecimal highRetentionMonthly,
            @Schema(description = "留用率门槛（0–1）", required = true) BigDecimal retentionThreshold,
            @Schema(description = "意外伤害保险补贴（元/人，随首次申领）", required = true) BigDecimal insurancePerPerson,
            @Schema(description = "月基本生活费下限（元，当地最低工资标准）", required = true) BigDecimal allowanceFloor,
            @Schema(description = "最近修改时间", required = true) OffsetDateTime updatedAt,
            @Schema(description = "最近修改人", required = true) String updatedBy) {
        static RateView of(SubsidyRate r) {
            return new RateView(r.year, r.standardMonthly, r.highRetentionMonthly, r.retentionThreshold, r.insurancePerPerson,
                    r.allowanceFloor, r.updatedAt, r.updatedBy);
        }
    }

    @Schema(name = "SubsidyRateRequest", description = "设置年度补贴标准")
    public record RateBody(
            @Schema(description = "月补贴标准（元）", required = true) BigDecimal standardMonthly,
            @Schema(description = "留用率达标时的月补贴标准（元）", required = true) BigDecimal highRetentionMonthly,
            @Schema(description = "留用率门槛（0–1）", required = true) BigDecimal retentionThreshold,
            @Schema(description = "意外伤害保险补贴（元/人）", required = true) BigDecimal insurancePerPerson,
            @Schema(description = "月基本生活费下限（元）", required = true) BigDecimal allowanceFloor) {
    }

    @Schema(name = "SubsidyClaimRequest", description = "申领某月补贴")
    public record ClaimBody(
            @Schema(description = "见习编号", required = true) Long internshipId,
            @Schema(description = "月份 YYYY-MM", required = true, pattern = cq.jianxi.common.validation.Formats.MONTH) String month) {
    }

    @Schema(name = "SubsidyApproveRequest", description = "审核通过")
    public record ApproveBody(@Schema(description = "核定金额（元，默认等于申领金额）") BigDecimal amount) {
    }

    @Schema(name = "SubsidyRejectRequest", description = "驳回")
    public record RejectBody(@Schema(description = "驳回理由", required = true) String reason) {
    }

    @Schema(name = "DisbursementRequest", description = "登记拨付")
    public record DisbursementBody(
            @Schema(description = "拨付日期", required = true) LocalDate paidOn,
            @Schema(description = "金额（元，两位小数）", required = true) BigDecimal amount,
            @Schema(description = "资金层级：CENTRAL、CITY、DISTRICT", required = true, enumeration = {"CENTRAL", "CITY", "DISTRICT"}) String fundingLevel) {
    }

    @Schema(name = "Disbursement", description = "一笔拨付")
    public record PaymentView(
            @Schema(description = "拨付日期", required = true) LocalDate paidOn,
            @Schema(description = "金额（元）", required = true) BigDecimal amount,
            @Schema(description = "资金层级", required = true, enumeration = {"CENTRAL", "CITY", "DISTRICT"}) String fundingLevel) {
    }

    @Schema(name = "SubsidyClaim", description = "见习补贴申领")
    public record ClaimView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "见习编号", required = true) long internshipId,
            @Schema(description = "见习人员姓名", required = true) String youthName,
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String baseName,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "月份 YYYY-MM", required = true, pattern = cq.jianxi.common.validation.Formats.MONTH) String month,
            @Schema(description = "状态：SUBMITTED 待审核、APPROVED 已核定、REJECTED 已驳回、PAID 已拨付", required = true, enumeration = {"SUBMITTED", "APPROVED", "REJECTED", "PAID"}) String status,
            @Schema(description = "状态（中文）", required = true) String statusLabel,
            @Schema(description = "申领金额（元）", required = true) BigDecimal requestedAmount,
            @Schema(description = "核定金额（元）") BigDecimal approvedAmount,
            @Schema(description = "已拨付金额（元）", required = true) BigDecimal paidAmount,
            @Schema(description = "驳回理由") String rejectReason,
            @Schema(description = "申领时间", required = true) OffsetDateTime submittedAt) {
        static ClaimView of(SubsidyService.Row r) {
            SubsidyClaim c = r.claim();
            return new ClaimView(c.id, c.internshipId, r.youthName(), c.baseId, r.baseName(), c.regionCode,
                    YearMonth.from(c.month).toString(), c.status, SubsidyService.label(c.status), c.requestedAmount,
                    c.approvedAmount, r.paid(), c.rejectReason, c.submittedAt);
        }
    }
}
