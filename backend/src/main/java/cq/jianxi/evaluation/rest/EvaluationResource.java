package cq.jianxi.evaluation.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.evaluation.domain.AwardStage;
import cq.jianxi.evaluation.rest.EvaluationViews.AdvanceRequest;
import cq.jianxi.evaluation.rest.EvaluationViews.AwardPageView;
import cq.jianxi.evaluation.rest.EvaluationViews.AwardView;
import cq.jianxi.evaluation.rest.EvaluationViews.CommitmentRequest;
import cq.jianxi.evaluation.rest.EvaluationViews.ConfirmRequest;
import cq.jianxi.evaluation.rest.EvaluationViews.ManualScoreRequest;
import cq.jianxi.evaluation.rest.EvaluationViews.ProgressPageView;
import cq.jianxi.evaluation.rest.EvaluationViews.ProgressView;
import cq.jianxi.evaluation.rest.EvaluationViews.SchemeRequest;
import cq.jianxi.evaluation.rest.EvaluationViews.SchemeView;
import cq.jianxi.evaluation.rest.EvaluationViews.SheetView;
import cq.jianxi.evaluation.rest.EvaluationViews.TableView;
import cq.jianxi.evaluation.service.DemonstrationQueries;
import cq.jianxi.evaluation.service.DemonstrationSelection;
import cq.jianxi.evaluation.service.EvaluationClosing;
import cq.jianxi.evaluation.service.EvaluationInputs;
import cq.jianxi.evaluation.service.EvaluationSheets;
import cq.jianxi.evaluation.service.SchemeService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The yearly evaluation of bases and the three-level demonstration selection (notice part 4). */
@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "年度评估与示范基地")
@Authenticated
public class EvaluationResource {

    @Inject
    SchemeService schemes;
    @Inject
    EvaluationSheets sheets;
    @Inject
    EvaluationInputs inputs;
    @Inject
    EvaluationClosing closing;
    @Inject
    DemonstrationSelection selection;
    @Inject
    DemonstrationQueries queries;
    @Inject
    CallerProvider callers;

    @GET
    @Path("/{year}/scheme")
    @Operation(operationId = "getEvaluationScheme", summary = "The year's evaluation scheme",
            description = "年度评估方案：指标、权重、计分方式与推荐参评国家级的资格条件。市、区县管理员和基地可查看。")
    @APIResponse(responseCode = "200", description = "评估方案")
    @APIResponse(responseCode = "404", description = "该年度尚未制定方案")
    public Uni<SchemeView> getEvaluationScheme(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return schemes.get(callers.current(), year).map(SchemeView::of);
    }

    @PUT
    @Path("/{year}/scheme")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "saveEvaluationScheme", summary = "Replace the year's evaluation scheme",
            description = "市人社局管理员整份保存年度评估方案；各指标权重之和须为 100。已有区县完成该年度评估后不能修改（409）。")
    @APIResponse(responseCode = "200", description = "保存后的方案")
    @APIResponse(responseCode = "400", description = "方案不合法（字段见 violations）")
    @APIResponse(responseCode = "409", description = "已有区县完成该年度评估")
    public Uni<SchemeView> saveEvaluationScheme(@PathParam("year") @Min(2000) @Max(2100) int year,
                                                @Valid @NotNull(message = "请求体不能为空") SchemeRequest body) {
        return schemes.replace(callers.current(), body.toDomain(year)).map(SchemeView::of);
    }

    @GET
    @Path("/{year}/regions/{regionCode}")
    @Operation(operationId = "getEvaluationTable", summary = "A district's score table",
            description = "区县年度评分表，按名次排列，标出拟定的前 5%（区级示范见习基地）及取整规则。未完成评估时随记录实时计算，完成后为冻结结果。区县管理员只能查看本区县。")
    @APIResponse(responseCode = "200", description = "评分表")
    @APIResponse(responseCode = "404", description = "该年度尚未制定方案")
    public Uni<TableView> getEvaluationTable(@PathParam("year") @Min(2000) @Max(2100) int year,
                                             @PathParam("regionCode") String regionCode,
                                             @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                             @Parameter(description = "每页条数，1–500") @Min(value = 1, message = "每页条数须在 1 到 500 之间") @Max(value = 500, message = "每页条数须在 1 到 500 之间") @QueryParam("size") @DefaultValue("50") int size) {
        return sheets.table(callers.current(), year, regionCode, page, size).map(TableView::of);
    }

    @POST
    @Path("/{year}/regions/{regionCode}/close")
    @Operation(operationId = "closeEvaluation", summary = "Close the district's year",
            description = "区县管理员完成本区县年度评估：所有人工评分指标须已评分；每家基地的评分表、总分和名次冻结，此后记录变化不再影响结果。")
    @APIResponse(responseCode = "200", description = "冻结后的评分表（第一页）")
    @APIResponse(responseCode = "409", description = "已完成、没有参评基地，或人工评分未完成")
    public Uni<TableView> closeEvaluation(@PathParam("year") @Min(2000) @Max(2100) int year,
                                          @PathParam("regionCode") String regionCode) {
        return closing.close(callers.current(), year, regionCode)
                .map(r -> TableView.of(new EvaluationSheets.TablePage(r, r.ranked().subList(0, Math.min(50, r.ranked().size())),
                        r.ranked().size(), 0, 50, 0)));
    }

    @GET
    @Path("/{year}/bases/{baseId}")
    @Operation(operationId = "getScoreSheet", summary = "A base's score sheet",
            description = "基地年度评分表：每项指标的计算数据、得分、权重，总分、名次与资格条件。基地只能查看本基地，区县只能查看本区县的基地。")
    @APIResponse(responseCode = "200", description = "评分表")
    @APIResponse(responseCode = "404", description = "该基地未参加该年度评估")
    public Uni<SheetView> getScoreSheet(@PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("baseId") long baseId) {
        return sheets.sheet(callers.current(), year, baseId).map(p -> SheetView.of(p.ranked(), p.of(), p.frozenAt()));
    }

    @PUT
    @Path("/{year}/bases/{baseId}/manual-scores/{criterionCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "scoreManualCriterion", summary = "Score a manual criterion",
            description = "区县管理员为本区县基地的人工评分指标（如现场核查、安全生产、投诉处理）评分并填写说明；评估完成后不能修改（409）。")
    @APIResponse(responseCode = "200", description = "更新后的评分表")
    @APIResponse(responseCode = "400", description = "评分不合法，或该指标按记录计算")
    @APIResponse(responseCode = "404", description = "基地未参评或方案中无此指标")
    @APIResponse(responseCode = "409", description = "评估已完成")
    public Uni<SheetView> scoreManualCriterion(@PathParam("year") @Min(2000) @Max(2100) int year,
                                               @PathParam("baseId") long baseId,
                                               @PathParam("criterionCode") String criterionCode,
                                               @Valid @NotNull(message = "请求体不能为空") ManualScoreRequest body) {
        return inputs.score(callers.current(), year, baseId, criterionCode, body.percent(), body.note())
                .map(p -> SheetView.of(p.ranked(), p.of(), p.frozenAt()));
    }

    @PUT
    @Path("/{year}/bases/{baseId}/commitment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setCommitment", summary = "Record the positions the base commits to",
            description = "基地（本基地）或区县管理员（本区县）填报本年承诺提供的见习岗位数，用于“岗位提供”指标；评估完成后不能修改（409）。")
    @APIResponse(responseCode = "200", description = "更新后的评分表")
    @APIResponse(responseCode = "404", description = "基地未参评")
    @APIResponse(responseCode = "409", description = "评估已完成")
    public Uni<SheetView> setCommitment(@PathParam("year") @Min(2000) @Max(2100) int year, @PathParam("baseId") long baseId,
                                        @Valid @NotNull(message = "请求体不能为空") CommitmentRequest body) {
        return inputs.commit(callers.current(), year, baseId, body.positions())
                .map(p -> SheetView.of(p.ranked(), p.of(), p.frozenAt()));
    }

    @POST
    @Path("/{year}/regions/{regionCode}/district-awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmDistrictAwards", summary = "Confirm the district's demonstration bases",
            description = "区县管理员在完成评估后确认拟定的前 5% 为区级年度示范见习基地，可将其中一家替换为另一家参评基地并记录理由。每年只确认一次；基地级别随之更新（本区县此前年度的级别失效）。")
    @APIResponse(responseCode = "200", description = "本区县本年度的区级示范见习基地")
    @APIResponse(responseCode = "400", description = "替换不合法（字段见 violations）")
    @APIResponse(responseCode = "409", description = "尚未完成评估，或已确认")
    public Uni<List<AwardView>> confirmDistrictAwards(@PathParam("year") @Min(2000) @Max(2100) int year,
                                                      @PathParam("regionCode") String regionCode,
                                                      @Valid @NotNull(message = "请求体不能为空") ConfirmRequest body) {
        var caller = callers.current();
        return selection.confirmDistrict(caller, year, regionCode, body.replacements().stream()
                        .map(r -> new DemonstrationSelection.Replacement(r.baseId(), r.byBaseId(), r.reason())).toList())
                .chain(() -> queries.awards(caller, year, regionCode, AwardStage.DISTRICT, 0, 200))
                .map(p -> p.items().stream().map(AwardView::of).toList());
    }

    @POST
    @Path("/{year}/awards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "advanceDemonstration", summary = "Take a base to the next selection step",
            description = "CITY_NOMINATED：区县管理员推荐本区县的区级示范基地参评市级；CITY：市人社局评定市级示范见习基地；NATIONAL_RECOMMENDED：市人社局推荐符合资格条件的市级示范基地参评国家级，每区县不超过附件2的名额；NATIONAL：记录国家级评选结果。每步须先完成上一步。")
    @APIResponse(responseCode = "200", description = "基地的评分表")
    @APIResponse(responseCode = "400", description = "步骤不合法")
    @APIResponse(responseCode = "403", description = "无权对该基地执行此步骤")
    @APIResponse(responseCode = "404", description = "基地未参加该年度评估")
    @APIResponse(responseCode = "409", description = "未完成上一步、已完成此步、不符合资格条件或超出名额")
    public Uni<SheetView> advanceDemonstration(@PathParam("year") @Min(2000) @Max(2100) int year,
                                               @Valid @NotNull(message = "请求体不能为空") AdvanceRequest body) {
        return selection.advance(callers.current(), year, body.baseId(), body.stage())
                .map(p -> SheetView.of(p.ranked(), p.of(), p.frozenAt()));
    }

    @GET
    @Path("/{year}/awards")
    @Operation(operationId = "listDemonstrationAwards", summary = "Selection results",
            description = "评选结果，可按区县和步骤筛选；区县管理员只能查看本区县。")
    @APIResponse(responseCode = "200", description = "评选结果（分页）")
    public Uni<AwardPageView> listDemonstrationAwards(@PathParam("year") @Min(2000) @Max(2100) int year,
                                                      @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
                                                      @Parameter(description = "评选步骤") @QueryParam("stage") AwardStage stage,
                                                      @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                                      @Parameter(description = "每页条数，1–200") @Min(value = 1, message = "每页条数须在 1 到 200 之间") @Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @DefaultValue("50") int size) {
        return queries.awards(callers.current(), year, regionCode == null || regionCode.isBlank() ? null : regionCode.trim(),
                        stage, page, size)
                .map(p -> new AwardPageView(p.items().stream().map(AwardView::of).toList(), p.total(), p.page(), p.size()));
    }

    @GET
    @Path("/{year}/progress")
    @Operation(operationId = "listEvaluationProgress", summary = "Every district's evaluation and selection progress",
            description = "各区县的年度评估是否完成、参评与拟定数、各评选步骤的基地数和推荐参评国家级名额（附件2）。区县管理员只看到本区县。")
    @APIResponse(responseCode = "200", description = "各区县进度（分页）")
    public Uni<ProgressPageView> listEvaluationProgress(@PathParam("year") @Min(2000) @Max(2100) int year,
                                                        @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                                        @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("50") int size) {
        return queries.progress(callers.current(), year, page, size)
                .map(p -> new ProgressPageView(p.items().stream().map(ProgressView::of).toList(), p.total(), p.page(), p.size()));
    }

    @GET
    @Path("/bases/{baseId}/history")
    @Operation(operationId = "getDemonstrationHistory", summary = "A base's selection history",
            description = "基地历年的评选记录（区级、市级、国家级示范及推荐）。基地只能查看本基地。")
    @APIResponse(responseCode = "200", description = "评选记录，最近的年度在前")
    public Uni<List<AwardView>> getDemonstrationHistory(@PathParam("baseId") long baseId) {
        return queries.history(callers.current(), baseId).map(rows -> rows.stream().map(AwardView::of).toList());
    }
}
