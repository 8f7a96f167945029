package cq.jianxi.quality.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.quality.domain.RuleCode;
import cq.jianxi.quality.domain.TypicalPersonStatus;
import cq.jianxi.quality.rest.QualityViews.CasePage;
import cq.jianxi.quality.rest.QualityViews.CaseView;
import cq.jianxi.quality.rest.QualityViews.ComplaintBody;
import cq.jianxi.quality.rest.QualityViews.ComplaintPage;
import cq.jianxi.quality.rest.QualityViews.ComplaintView;
import cq.jianxi.quality.rest.QualityViews.DecisionBody;
import cq.jianxi.quality.rest.QualityViews.EntryPage;
import cq.jianxi.quality.rest.QualityViews.OutcomeBody;
import cq.jianxi.quality.rest.QualityViews.ReturnBody;
import cq.jianxi.quality.rest.QualityViews.RuleUpdateBody;
import cq.jianxi.quality.rest.QualityViews.RuleView;
import cq.jianxi.quality.rest.QualityViews.TypicalPersonBody;
import cq.jianxi.quality.rest.QualityViews.TypicalPersonPage;
import cq.jianxi.quality.rest.QualityViews.TypicalPersonView;
import cq.jianxi.quality.rest.QualityViews.WarnBody;
import cq.jianxi.quality.service.ComplaintService;
import cq.jianxi.quality.service.DisqualificationService;
import cq.jianxi.quality.service.TypicalPersonService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Base quality (基地质量): disqualification rules, warnings and decisions, complaints, and typical persons. */
@Path("/api/quality")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "基地资格与典型人物")
public class QualityResource {

    @Inject
    DisqualificationService disqualification;
    @Inject
    ComplaintService complaints;
    @Inject
    TypicalPersonService typicalPersons;
    @Inject
    CallerProvider callers;

    // ---------------------------------------------------------------- rules

    @GET
    @Path("/disqualification-rules")
    @Operation(summary = "Disqualification rules", description = "取消见习基地资格的规则（是否启用及参数）。市、区县人社局管理员可看。")
    @APIResponse(responseCode = "200", description = "全部规则", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员")
    public Uni<List<RuleView>> listDisqualificationRules() {
        return disqualification.listRules(callers.current()).map(l -> l.stream().map(RuleView::of).toList());
    }

    @PUT
    @Path("/disqualification-rules/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a disqualification rule",
            description = "市人社局启用或停用一条规则并设定参数：NO_INTERN_WITHIN_MONTHS 的月数（1–60），LOW_RETENTION_YEARS 的留用率（0–1）和连续年数（1–5）。记入审计日志。")
    @APIResponse(responseCode = "200", description = "已保存", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "参数不合法（字段 enabled、months、rate、years）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    @APIResponse(responseCode = "404", description = "规则不存在")
    public Uni<RuleView> updateDisqualificationRule(@PathParam("code") String code,
                                                   @Valid @NotNull(message = "请求体不能为空") RuleUpdateBody body) {
        return disqualification.updateRule(callers.current(), rule(code),
                new DisqualificationService.RuleUpdate(body.enabled(), body.months(), body.rate(), body.years())).map(RuleView::of);
    }

    // ---------------------------------------------------------------- list, warning, decision

    @GET
    @Path("/disqualification-list")
    @Operation(summary = "Bases meeting a disqualification rule",
            description = "取消资格清单：已备案基地中当前符合任一已启用规则的（附依据数据），以及有进行中预警的基地，每家附其全部预警。区县管理员只看本区县（查询其他区县返回 403），市人社局看全市或按区县过滤。")
    @APIResponse(responseCode = "200", description = "一页基地", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EntryPage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或查询其他区县")
    public Uni<EntryPage> listDisqualificationCandidates(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return disqualification.list(callers.current(), blank(regionCode), page, size).map(EntryPage::of);
    }

    @POST
    @Path("/disqualification-cases")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Warn a base",
            description = "区县（本区县）或市人社局管理员按一条当前符合的已启用规则预警已备案基地：保存依据，基地收到站内通知并在“资格预警”中看到。同一基地同一规则只能有一件进行中的预警（409）；基地当前不符合该规则、规则已停用或基地未备案也返回 409。记入审计日志。")
    @APIResponse(responseCode = "201", description = "已预警", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（字段 baseId、rule）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或其他区县的基地")
    @APIResponse(responseCode = "404", description = "基地不存在")
    @APIResponse(responseCode = "409", description = "已有进行中的预警，或基地不符合该规则")
    public Uni<CaseView> warnBase(@Valid @NotNull(message = "请求体不能为空") WarnBody body) {
        return disqualification.warn(callers.current(), body.baseId(), body.rule()).map(CaseView::of);
    }

    @POST
    @Path("/disqualification-cases/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide on a warned base",
            description = "处理预警：RECTIFY 限期整改（整改期限不早于今天，并填整改要求），REVOKE 取消见习基地资格（经备案撤销：关闭其岗位并结束其登录会话），DISMISS 销案（须填理由）。"
                    + "限期整改的预警在期限过后可再次处理。仅本区县或市人社局管理员；记入审计日志，基地收到通知。")
    @APIResponse(responseCode = "200", description = "已处理", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（字段 decision、rectifyBy、note）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或其他区县的预警")
    @APIResponse(responseCode = "404", description = "预警不存在")
    @APIResponse(responseCode = "409", description = "预警已处理，或整改期限未到")
    public Uni<CaseView> decideDisqualificationCase(@PathParam("id") long id,
                                                    @Valid @NotNull(message = "请求体不能为空") DecisionBody body) {
        return disqualification.decide(callers.current(), id,
                new DisqualificationService.DecisionRequest(body.decision(), body.rectifyBy(), body.note())).map(CaseView::of);
    }

    @GET
    @Path("/my-warnings")
    @Operation(summary = "My base's warnings", description = "见习基地查看本基地收到的资格预警（依据、状态、整改期限和处理说明），最新的在前。仅基地账户。")
    @APIResponse(responseCode = "200", description = "本基地的预警", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CasePage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非基地账户")
    public Uni<CasePage> listMyWarnings(
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return disqualification.mine(callers.current(), page, size).map(CasePage::of);
    }

    // ---------------------------------------------------------------- complaints

    @GET
    @Path("/complaints")
    @Operation(summary = "Complaints against bases",
            description = "投诉记录，受理日期最近的在前；可按基地或区县过滤。区县管理员只看本区县（其他区县或其基地返回 403）。")
    @APIResponse(responseCode = "200", description = "一页投诉", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintPage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或查询其他区县")
    @APIResponse(responseCode = "404", description = "基地不存在")
    public Uni<ComplaintPage> listComplaints(
            @Parameter(description = "基地编号") @QueryParam("baseId") Long baseId,
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return complaints.list(callers.current(), blank(regionCode), baseId, page, size).map(ComplaintPage::of);
    }

    @POST
    @Path("/complaints")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Record a complaint",
            description = "区县（本区县基地）或市人社局管理员登记对见习基地的投诉：受理日期（不晚于今天）、摘要、是否严重、核实结果（查实或不成立须填说明）。严重且查实的投诉是取消资格的规则之一。记入审计日志。")
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（字段 baseId、receivedOn、summary、serious、outcome、outcomeNote）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或其他区县的基地")
    @APIResponse(responseCode = "404", description = "基地不存在")
    public Uni<ComplaintView> recordComplaint(@Valid @NotNull(message = "请求体不能为空") ComplaintBody body) {
        return complaints.record(callers.current(), new ComplaintService.ComplaintRequest(body.baseId(), body.receivedOn(),
                body.summary(), body.serious(), body.outcome(), body.outcomeNote())).map(ComplaintView::of);
    }

    @PUT
    @Path("/complaints/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a complaint's outcome", description = "记录投诉的核实结果（查实或不成立须填说明）。仅本区县或市人社局管理员；记入审计日志。")
    @APIResponse(responseCode = "200", description = "已保存", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（字段 outcome、outcomeNote）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或其他区县的投诉")
    @APIResponse(responseCode = "404", description = "投诉记录不存在")
    public Uni<ComplaintView> setComplaintOutcome(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") OutcomeBody body) {
        return complaints.setOutcome(callers.current(), id, body.outcome(), body.outcomeNote()).map(ComplaintView::of);
    }

    // ---------------------------------------------------------------- typical persons

    @GET
    @Path("/typical-persons")
    @Operation(summary = "Typical persons",
            description = "报送的典型人物（见习人员姓名脱敏），最近报送的在前；可按区县、状态、年度过滤。区县管理员只看本区县（查询其他区县返回 403），市人社局看全市。")
    @APIResponse(responseCode = "200", description = "一页典型人物", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TypicalPersonPage.class)))
    @APIResponse(responseCode = "400", description = "参数不合法（字段 status、page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或查询其他区县")
    public Uni<TypicalPersonPage> listTypicalPersons(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "状态：SUBMITTED、APPROVED、RETURNED", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.quality.domain.TypicalPersonStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "年度") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        TypicalPersonStatus st;
        try {
            st = status == null || status.isBlank() ? null : TypicalPersonStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "状态取值不正确：" + status);
        }
        return typicalPersons.list(callers.current(), blank(regionCode), st, year, page, size).map(TypicalPersonPage::of);
    }

    @POST
    @Path("/typical-persons")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Submit a typical person",
            description = "区县管理员报送本区县一条见习记录的见习人员为典型人物：标题、事迹（不超过 2000 字），以及本人同意的日期和方式（书面或线上）——未取得同意的不能报送（400，字段 consentOn、consentMethod）。每条见习记录只能报送一次（409）。记入审计日志。")
    @APIResponse(responseCode = "201", description = "已报送", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TypicalPersonView.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（字段 internshipId、title、story、consentOn、consentMethod）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非区县管理员，或其他区县的见习记录")
    @APIResponse(responseCode = "409", description = "该见习记录已报送")
    public Uni<TypicalPersonView> submitTypicalPerson(@Valid @NotNull(message = "请求体不能为空") TypicalPersonBody body) {
        return typicalPersons.submit(callers.current(), submission(body)).map(TypicalPersonView::of);
    }

    @PUT
    @Path("/typical-persons/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit and resubmit a typical person",
            description = "区县管理员修改待审核或被退回的典型人物并重新报送（计入重新报送的年度）。已通过的不能修改（409）。记入审计日志。")
    @APIResponse(responseCode = "200", description = "已重新报送", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TypicalPersonView.class)))
    @APIResponse(responseCode = "400", description = "请求不合法（字段 internshipId、title、story、consentOn、consentMethod）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非区县管理员，或其他区县的典型人物")
    @APIResponse(responseCode = "404", description = "典型人物不存在")
    @APIResponse(responseCode = "409", description = "已审核通过")
    public Uni<TypicalPersonView> resubmitTypicalPerson(@PathParam("id") long id,
                                                        @Valid @NotNull(message = "请求体不能为空") TypicalPersonBody body) {
        return typicalPersons.resubmit(callers.current(), id, submission(body)).map(TypicalPersonView::of);
    }

    @POST
    @Path("/typical-persons/{id}/approve")
    @Operation(summary = "Approve a typical person", description = "市人社局审核通过待审核的典型人物，计入该区县报送年度的“选树报送典型人物”。记入审计日志。")
    @APIResponse(responseCode = "200", description = "已通过", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TypicalPersonView.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    @APIResponse(responseCode = "404", description = "典型人物不存在")
    @APIResponse(responseCode = "409", description = "不在待审核状态")
    public Uni<TypicalPersonView> approveTypicalPerson(@PathParam("id") long id) {
        return typicalPersons.approve(callers.current(), id).map(TypicalPersonView::of);
    }

    @POST
    @Path("/typical-persons/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Return a typical person", description = "市人社局退回待审核的典型人物（须填理由），区县可修改后重新报送。记入审计日志。")
    @APIResponse(responseCode = "200", description = "已退回", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TypicalPersonView.class)))
    @APIResponse(responseCode = "400", description = "未填写理由（字段 reason）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    @APIResponse(responseCode = "404", description = "典型人物不存在")
    @APIResponse(responseCode = "409", description = "不在待审核状态")
    public Uni<TypicalPersonView> returnTypicalPerson(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") ReturnBody body) {
        return typicalPersons.giveBack(callers.current(), id, body.reason()).map(TypicalPersonView::of);
    }

    private static TypicalPersonService.Submission submission(TypicalPersonBody body) {
        return new TypicalPersonService.Submission(body.internshipId(), body.title(), body.story(), body.consentOn(), body.consentMethod());
    }

    private static RuleCode rule(String code) {
        try {
            return RuleCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("规则不存在：" + code);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
