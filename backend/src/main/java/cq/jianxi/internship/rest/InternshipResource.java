package cq.jianxi.internship.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.internship.service.InternshipRatings;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipMonth;
import cq.jianxi.internship.service.AgreementService;
import cq.jianxi.internship.service.InternshipAccess;
import cq.jianxi.internship.service.InternshipEndService;
import cq.jianxi.internship.service.MonthConfirmationService;
import org.jboss.resteasy.reactive.ResponseStatus;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/** Internships (见习) from the agreement to the outcome, and their monthly confirmations. */
@Path("/api/internships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习管理")
@Authenticated
public class InternshipResource {

    @Inject
    InternshipAccess internships;
    @Inject
    AgreementService agreements;
    @Inject
    InternshipEndService ends;
    @Inject
    MonthConfirmationService confirmations;

    @Inject
    CallerProvider callers;

    @Inject
    InternshipRatings ratings;

    @GET
    @Operation(summary = "List internships",
            description = "按数据范围分页列出见习（附总数）：青年看本人，基地看本基地，区县看本区县，市人社局看全市。可按状态、区县、基地、月份（该月在岗过）过滤。")
    public Uni<InternshipPage> listInternships(
            @Parameter(description = "状态：PENDING、SIGNED、ON_POST、COMPLETED、RETAINED_EARLY、ABNORMAL、NO_SHOW", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.internship.domain.InternshipState.class)) @QueryParam("state") String state,
            @Parameter(description = "区县代码") @QueryParam("region") String region,
            @Parameter(description = "基地编号") @QueryParam("base") Long base,
            @Parameter(description = "月份 YYYY-MM：该月内在岗过的见习") @jakarta.validation.constraints.Pattern(regexp = cq.jianxi.common.validation.Formats.MONTH, message = "月份格式应为 YYYY-MM") @QueryParam("month") String month,
            @Parameter(description = "页码，从 0 开始") @jakarta.validation.constraints.Min(value = 0, message = "页码不能为负数") @jakarta.validation.constraints.Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @jakarta.validation.constraints.Min(value = 1, message = "每页条数须在 1 到 200 之间") @jakarta.validation.constraints.Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") int size) {
        return internships.list(callers.current(), state, region, base, month, page, size)
                .map(p -> new InternshipPage(p.items().stream().map(InternshipView::of).toList(), p.total(), p.page(), p.size()));
    }

    @Schema(name = "InternshipPage", description = "一页见习记录")
    public record InternshipPage(
            @Schema(description = "本页见习", required = true) List<InternshipView> items,
            @Schema(description = "符合条件的见习总数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an internship", description = "见习详情，含协议内容（可用于打印见习协议）。")
    public Uni<InternshipView> getInternship(@PathParam("id") long id) {
        return internships.get(callers.current(), id).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/agreement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign the agreement",
            description = "见习基地签订见习协议：带教老师、开始日期、计划结束日期（开始后 3–12 个月）、月基本生活费（不低于该年度下限）。签订后待到岗，到岗另行登记（已到岗的可同时填写到岗日期）。见习时间与该青年的其他见习重叠时拒绝（数据库排他约束）。")
    public Uni<InternshipView> signAgreement(@PathParam("id") long id, AgreementBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return agreements.sign(callers.current(), id, body.toAgreement()).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/agreement/confirmation")
    @Operation(operationId = "confirmAgreement", summary = "The intern confirms the signed agreement",
            description = "见习人员在手机上阅读见习单位已签订的协议后确认（本人的见习；再次确认不改变首次确认时间）。协议尚未签订、未到岗即取消的见习不能确认（409）。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "已确认的见习")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "409", description = "协议尚未签订或已取消")
    public Uni<InternshipView> confirmAgreement(@PathParam("id") long id) {
        return agreements.confirmByYouth(callers.current(), id).map(InternshipView::of);
    }

    @POST
    @Path("/offline")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Record an offline internship",
            description = "区县（或市）人社局补录线下安排的见习：已实名登记的青年、已备案基地及其岗位、协议内容，已到岗的填写到岗日期。"
                    + "可补录本年度和上一年度的日期，过去的日期须填写原因；补录写入审计日志。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已补录",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = InternshipView.class)))
    public Uni<InternshipView> recordOfflineInternship(OfflineBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("youthId", "请求体不能为空");
        }
        return agreements.recordOffline(callers.current(), new AgreementService.OfflinePlacement(body.youthId(), body.baseId(),
                body.positionId(), body.agreement() == null ? null : body.agreement().toAgreement())).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/arrival")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the arrival",
            description = "登记到岗（签订协议不等于到岗）：到岗日期不早于协议开始日期、早于计划结束日期、不晚于今天。基地可补录 31 天内的日期；"
                    + "区县人社局可补录本年度和上一年度的日期并须填写原因。")
    public Uni<InternshipView> recordArrival(@PathParam("id") long id, ArrivalBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("arrivedOn", "请填写到岗日期");
        }
        return agreements.arrive(callers.current(), id, body.arrivedOn(), body.reason()).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/no-show")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a no-show", description = "登记未到岗：协议作废，该青年可另行见习。须填写原因。")
    public Uni<InternshipView> recordNoShow(@PathParam("id") long id, NoShowBody body) {
        return agreements.noShow(callers.current(), id, body == null ? null : body.reason()).map(InternshipView::of);
    }

    @GET
    @Path("/to-be-closed")
    @Operation(summary = "Internships to be closed",
            description = "已过计划结束日仍无结束记录的在岗见习（分页，最早到期的在前，附总数）：基地看本基地，区县看本区县，市人社局看全市或指定区县。不计入“本期末实有在岗见习”，请登记完成、留用或非正常结束。")
    public Uni<ToBeClosedView> listToBeClosed(@Parameter(description = "区县代码（市人社局可选）") @QueryParam("region") String region,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @Min(value = 1, message = "每页条数须在 1 到 200 之间") @Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") int size) {
        return ends.toBeClosed(callers.current(), region, page, size).map(t -> new ToBeClosedView(
                t.items().stream().map(InternshipView::of).toList(), t.total()));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End an internship",
            description = "基地（或区县人社局）结束见习：COMPLETED 按协议完成（日期为计划结束日，计划结束日到了才能登记）、RETAINED_EARLY 提前留用（早于计划结束日）、ABNORMAL 非正常结束（早于计划结束日，须填原因）。日期不能早于开始日期或晚于今天。")
    public Uni<InternshipView> endInternship(@PathParam("id") long id, EndBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("type", "请选择结束方式");
        }
        return ends.end(callers.current(), id, body.type(), body.date(), body.reason()).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the outcome",
            description = "完成见习后的去向：RETAINED 被见习单位留用、EMPLOYED_ELSEWHERE 其他方式就业（须注明途径 BASE_RECOMMENDATION 见习单位推荐、PUBLIC_SERVICE 公共就业人才服务机构推荐、OWN_SEARCH 自主择业）、NOT_EMPLOYED 未就业。")
    public Uni<InternshipView> recordOutcome(@PathParam("id") long id, OutcomeBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("outcome", "请选择去向");
        }
        return ends.outcome(callers.current(), id, body.outcome(), body.channel(), body.date()).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a follow-up", description = "见习结束后 3 个月、6 个月的就业情况回访。")
    public Uni<InternshipView> recordFollowUp(@PathParam("id") long id, FollowUpBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("months", "请填写回访时点");
        }
        return ends.followUp(callers.current(), id, body.months(), body.employed(), body.note()).map(InternshipView::of);
    }

    @POST
    @Path("/{id}/confirmations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a month",
            description = "月度在岗确认：基地填写在岗天数，青年在手机端确认；双方都确认的月份才能申领补贴。该月结束后（或见习在该月内结束后）才能确认；到岗前、结束后的月份不能确认。")
    public Uni<MonthView> confirmMonth(@PathParam("id") long id, ConfirmationBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("month", "请填写月份");
        }
        return confirmations.confirm(callers.current(), id, body.month(), body.daysPresent()).map(MonthView::of);
    }

    @POST
    @Path("/{id}/months/{month}/flag")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Flag a month not worked",
            description = "青年标记某月未实际在岗（防止冒领补贴）；被标记的月份不能申领，区县审核时可见。")
    public Uni<MonthView> flagMonth(@PathParam("id") long id, @PathParam("month") String month, FlagBody body) {
        return confirmations.flag(callers.current(), id, month, body == null ? null : body.reason()).map(MonthView::of);
    }

    @GET
    @Path("/{id}/months")
    @Operation(summary = "Monthly confirmations", description = "见习各月的确认情况。")
    public Uni<List<MonthView>> listMonths(@PathParam("id") long id) {
        return confirmations.months(callers.current(), id).map(list -> list.stream().map(MonthView::of).toList());
    }

    @PUT
    @Path("/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rateInternship", summary = "Rate an ended internship",
            description = "见习人员在见习结束后对见习单位评价（1–5 分，可附意见），只能评价一次。评价计入基地年度评估的“见习人员满意度”（按基地平均，基地看不到单条评价）。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "已评价")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "409", description = "见习尚未结束或已评价过")
    public Uni<RatingView> rateInternship(@PathParam("id") long id,
                                          @jakarta.validation.Valid @jakarta.validation.constraints.NotNull(message = "请求体不能为空") RatingBody body) {
        return ratings.rate(callers.current(), id, body.score(), body.comment()).map(RatingView::of);
    }

    @GET
    @Path("/{id}/rating")
    @Operation(operationId = "getInternshipRating", summary = "The intern's rating",
            description = "见习人员本人或区县、市人社局管理员查看对这段见习的评价；基地不能查看单条评价。")
    public Uni<RatingView> getInternshipRating(@PathParam("id") long id) {
        return ratings.get(callers.current(), id).map(RatingView::of);
    }

    @Schema(name = "InternshipRatingRequest", description = "见习评价")
    public record RatingBody(
            @Schema(description = "评分 1–5", required = true, minimum = "1", maximum = "5")
            @jakarta.validation.constraints.NotNull(message = "请选择评分") @jakarta.validation.constraints.Min(value = 1, message = "评分为 1–5")
            @jakarta.validation.constraints.Max(value = 5, message = "评分为 1–5") Integer score,
            @Schema(description = "意见（可不填）", maxLength = 500, nullable = true)
            @jakarta.validation.constraints.Size(max = 500, message = "意见不能超过 500 个字符") String comment) {
    }

    @Schema(name = "InternshipRating", description = "见习评价；未评价时评分为空")
    public record RatingView(
            @Schema(description = "见习记录编号", required = true) long internshipId,
            @Schema(description = "见习已结束、可以评价", required = true) boolean rateable,
            @Schema(description = "评分 1–5", nullable = true) Integer score,
            @Schema(description = "意见", nullable = true) String comment,
            @Schema(description = "评价时间", nullable = true) java.time.OffsetDateTime ratedAt) {
        static RatingView of(InternshipRatings.Rating r) {
            return new RatingView(r.internshipId(), r.rateable(), r.score(), r.comment(), r.ratedAt());
        }
    }

    @Schema(name = "InternshipAgreement", description = "见习协议内容")
    public record AgreementBody(
            @Schema(description = "带教老师姓名", required = true) String mentorName,
            @Schema(description = "带教老师电话", pattern = cq.jianxi.common.validation.Formats.PHONE) String mentorPhone,
            @Schema(description = "见习开始日期", required = true) LocalDate startDate,
            @Schema(description = "计划结束日期（开始后 3–12 个月）", required = true) LocalDate plannedEnd,
            @Schema(description = "月基本生活费（元）", required = true) BigDecimal monthlyAllowance,
            @Schema(description = "已到岗时的到岗日期") LocalDate arrivedOn,
            @Schema(description = "补录原因（区县补录过去的日期时必填）") String reason) {
        AgreementService.Agreement toAgreement() {
            return new AgreementService.Agreement(mentorName, mentorPhone, startDate, plannedEnd, monthlyAllowance, arrivedOn, reason);
        }
    }

    @Schema(name = "OfflineInternship", description = "补录线下安排的见习")
    public record OfflineBody(
            @Schema(description = "青年编号（须已实名登记）", required = true) Long youthId,
            @Schema(description = "见习基地编号", required = true) Long baseId,
            @Schema(description = "该基地的岗位编号", required = true) Long positionId,
            @Schema(description = "见习协议", required = true) AgreementBody agreement) {
    }

    @Schema(name = "InternshipArrival", description = "登记到岗")
    public record ArrivalBody(
            @Schema(description = "到岗日期", required = true) LocalDate arrivedOn,
            @Schema(description = "补录原因（区县补录过去的日期时必填）") String reason) {
    }

    @Schema(name = "InternshipNoShow", description = "登记未到岗")
    public record NoShowBody(@Schema(description = "原因", required = true) String reason) {
    }

    @Schema(name = "InternshipsToBeClosed", description = "待结束的见习")
    public record ToBeClosedView(
            @Schema(description = "待结束的见习", required = true) List<InternshipView> items,
            @Schema(description = "总数", required = true) long total) {
    }

    @Schema(name = "InternshipEnd", description = "结束见习")
    public record EndBody(
            @Schema(description = "COMPLETED、RETAINED_EARLY 或 ABNORMAL", required = true, enumeration = {"COMPLETED", "RETAINED_EARLY", "ABNORMAL"}) String type,
            @Schema(description = "结束日期（完成见习可省略，取计划结束日）") LocalDate date,
            @Schema(description = "原因（非正常结束时必填）") String reason) {
    }

    @Schema(name = "InternshipOutcome", description = "见习去向")
    public record OutcomeBody(
            @Schema(description = "RETAINED、EMPLOYED_ELSEWHERE 或 NOT_EMPLOYED", required = true, enumeration = {"RETAINED", "EMPLOYED_ELSEWHERE", "NOT_EMPLOYED"}) String outcome,
            @Schema(description = "其他方式就业的途径：BASE_RECOMMENDATION、PUBLIC_SERVICE、OWN_SEARCH") String channel,
            @Schema(description = "去向日期（默认今天）") LocalDate date) {
    }

    @Schema(name = "InternshipFollowUp", description = "见习后回访")
    public record FollowUpBody(
            @Schema(description = "回访时点：3 或 6（个月）", required = true) Integer months,
            @Schema(description = "是否就业", required = true) Boolean employed,
            @Schema(description = "备注") String note) {
    }

    @Schema(name = "MonthConfirmation", description = "月度在岗确认")
    public record ConfirmationBody(
            @Schema(description = "月份 YYYY-MM", required = true, pattern = cq.jianxi.common.validation.Formats.MONTH) String month,
            @Schema(description = "在岗天数（基地确认时必填）") Integer daysPresent) {
    }

    @Schema(name = "MonthFlag", description = "标记未在岗")
    public record FlagBody(@Schema(description = "说明", required = true) String reason) {
    }

    @Schema(name = "InternshipMonth", description = "一个月的在岗确认")
    public record MonthView(
            @Schema(description = "月份 YYYY-MM", required = true, pattern = cq.jianxi.common.validation.Formats.MONTH) String month,
            @Schema(description = "基地填报的在岗天数") Integer daysPresent,
            @Schema(description = "基地确认时间") OffsetDateTime baseConfirmedAt,
            @Schema(description = "青年确认时间") OffsetDateTime youthConfirmedAt,
            @Schema(description = "青年标记未在岗的时间") OffsetDateTime youthFlaggedAt,
            @Schema(description = "青年标记的说明") String youthFlagReason,
            @Schema(description = "双方是否都已确认（可申领）", required = true) boolean claimable) {
        static MonthView of(InternshipMonth m) {
            return new MonthView(YearMonth.from(m.month).toString(), m.daysPresent, m.baseConfirmedAt, m.youthConfirmedAt,
                    m.youthFlaggedAt, m.youthFlagReason, m.confirmedByBoth());
        }
    }

    @Schema(name = "Internship", description = "见习记录")
    public record InternshipView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "青年编号", required = true) long youthId,
            @Schema(description = "青年姓名", required = true) String youthName,
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String baseName,
            @Schema(description = "岗位编号", required = true) long positionId,
            @Schema(description = "岗位名称", required = true) String positionTitle,
            @Schema(description = "基地所在区县", required = true) String regionCode,
            @Schema(description = "状态代码", required = true, implementation = cq.jianxi.internship.domain.InternshipState.class) String state,
            @Schema(description = "状态（中文）", required = true) String stateLabel,
            @Schema(description = "带教老师") String mentorName,
            @Schema(description = "带教老师电话：见习人员本人看完整号码（用于联系带教老师），其他人脱敏") String mentorPhone,
            @Schema(description = "协议开始日期", required = true) LocalDate startDate,
            @Schema(description = "到岗日期（未到岗时为空）") LocalDate arrivedOn,
            @Schema(description = "来源：ONLINE 平台流程、OFFLINE 区县补录、MIGRATED 历史导入", required = true) String origin,
            @Schema(description = "计划结束日期", required = true) LocalDate plannedEnd,
            @Schema(description = "实际结束日期") LocalDate actualEnd,
            @Schema(description = "月基本生活费（元）", required = true) BigDecimal monthlyAllowance,
            @Schema(description = "到岗时是否为离校2年内未就业高校毕业生", required = true) boolean unemployedGraduate,
            @Schema(description = "结束原因") String endReason,
            @Schema(description = "去向", enumeration = {"RETAINED", "EMPLOYED_ELSEWHERE", "NOT_EMPLOYED"}) String outcome,
            @Schema(description = "其他方式就业的途径") String outcomeChannel,
            @Schema(description = "协议签订时间") OffsetDateTime agreementSignedAt,
            @Schema(description = "见习人员在手机上确认协议的时间；未确认为空", nullable = true) OffsetDateTime youthAgreementConfirmedAt) {
        static InternshipView of(InternshipAccess.Row r) {
            Internship i = r.internship();
            return new InternshipView(i.id, i.youthId, r.youthName(), i.baseId, r.baseName(), i.positionId, r.positionTitle(),
                    i.regionCode, i.state.name(), i.state.label(), i.mentorName, r.mentorPhone(), i.startDate, i.arrivedOn,
                    i.origin.name(), i.plannedEnd,
                    i.actualEnd, i.monthlyAllowance, i.unemployedGraduate, i.endReason, i.outcome, i.outcomeChannel,
                    i.agreementSignedAt, i.youthAgreementConfirmedAt);
        }
    }
}
