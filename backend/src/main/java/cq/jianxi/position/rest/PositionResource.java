package cq.jianxi.position.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.position.rest.PositionViews.PositionDraftBody;
import cq.jianxi.position.rest.PositionViews.PositionPageView;
import cq.jianxi.position.rest.PositionViews.PositionView;
import cq.jianxi.position.rest.PositionViews.RejectBody;
import cq.jianxi.position.service.PositionDraft;
import cq.jianxi.position.service.PositionSearch;
import cq.jianxi.position.service.PositionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Positions (岗位募集): drafting, review, publication, closing and the public search. */
@Path("/api/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习岗位")
public class PositionResource {

    @Inject
    PositionService positions;

    @Inject
    PositionSearch search;

    @Inject
    CallerProvider callers;

    @GET
    @PermitAll
    @Operation(summary = "Search open positions",
            description = "公开的岗位搜索（无需登录，便于分享链接）：只返回已发布、未过截止日期、所属基地备案有效（已备案）且月基本生活费不低于本年度最低标准的岗位。keyword 在岗位名称、描述和单位名称中匹配；education 为求职者学历，返回要求不高于该学历的岗位。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.SEARCH)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "一页岗位")
    public Uni<PositionPageView> searchPositions(
            @Parameter(description = "关键字（中文子串）") @QueryParam("keyword") String keyword,
            @Parameter(description = "工作地区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "岗位类别代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.position.domain.PositionCategory.class)) @QueryParam("category") String category,
            @Parameter(description = "求职者学历代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.position.domain.Education.class)) @QueryParam("education") String education,
            @Parameter(description = "只看一个见习基地的岗位（基地公开页）") @QueryParam("baseId") Long baseId,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return search.search(keyword, regionCode, category, education, baseId, page, size).map(PositionPageView::of);
    }

    @GET
    @Path("/manage")
    @Authenticated
    @Operation(summary = "Positions to manage or review",
            description = "基地用户：本基地的全部岗位；区县管理员：本区县基地的岗位（status=SUBMITTED 即审核队列）；市人社局和市级部门：全市。")
    public Uni<PositionPageView> managePositions(
            @Parameter(description = "状态代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.position.domain.PositionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "基地所在区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "关键字") @QueryParam("keyword") String keyword,
            @Parameter(description = "基地编号") @QueryParam("baseId") Long baseId,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return search.manage(callers.current(), status, regionCode, keyword, baseId, page, size).map(PositionPageView::of);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a position",
            description = "岗位详情。已发布的岗位公开可见；草稿、待审核、已驳回的岗位只对本基地和所在区县管理员可见。")
    public Uni<PositionView> getPosition(@PathParam("id") long id) {
        return callers.optional().flatMap(caller -> search.get(caller, id)).map(PositionView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @ResponseStatus(201)
    @Operation(summary = "Create a position draft",
            description = "见习基地新建岗位草稿。基地须已备案；字段错误逐项返回（如招募人数 ≤ 0、期限不在 3–12 个月、截止日期已过、部门任务与单位性质或岗位类别不符）。")
    @APIResponse(responseCode = "201", description = "草稿已创建", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PositionView.class)))
    public Uni<PositionView> createPosition(PositionDraftBody body) {
        return positions.create(callers.current(), draft(body)).map(PositionView::of);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Edit a position draft", description = "修改本基地的草稿或已驳回岗位。")
    public Uni<PositionView> updatePosition(@PathParam("id") long id, PositionDraftBody body) {
        return positions.update(callers.current(), id, draft(body)).map(PositionView::of);
    }

    @POST
    @Path("/{id}/submit")
    @Authenticated
    @Operation(summary = "Submit a position for review",
            description = "基地提交岗位，等待所在区县人社局审核。吊销或注销单位的基地不能提交；月基本生活费低于本年度最低标准（见习补贴标准中的生活费下限）时返回 400，violations 指明 monthlyAllowance。")
    public Uni<PositionView> submitPosition(@PathParam("id") long id) {
        return positions.submit(callers.current(), id).map(PositionView::of);
    }

    @POST
    @Path("/{id}/approve")
    @Authenticated
    @Operation(summary = "Approve and publish a position",
            description = "区县管理员（本区县基地）或市人社局管理员审核通过并发布岗位；首次发布时计入当年募集岗位数。其他区县的岗位返回 403；同时审核同一岗位只发布一次，另一请求得到 409；月基本生活费低于本年度最低标准时返回 400（monthlyAllowance）。")
    public Uni<PositionView> approvePosition(@PathParam("id") long id) {
        return positions.approve(callers.current(), id).map(PositionView::of);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Reject a position", description = "驳回待审核的岗位，须填写理由；基地可修改后重新提交。")
    public Uni<PositionView> rejectPosition(@PathParam("id") long id, RejectBody body) {
        return positions.reject(callers.current(), id, body == null ? null : body.reason()).map(PositionView::of);
    }

    @POST
    @Path("/{id}/close")
    @Authenticated
    @Operation(summary = "Close a position",
            description = "基地撤回本基地岗位，或区县管理员关闭本区县岗位。关闭不减少当年已募集的岗位数。过截止日期、招满和基地备案被撤销的岗位会自动关闭。")
    public Uni<PositionView> closePosition(@PathParam("id") long id) {
        return positions.close(callers.current(), id).map(PositionView::of);
    }

    private static PositionDraft draft(PositionDraftBody b) {
        if (b == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return new PositionDraft(b.title(), b.category(), b.headcount(), b.education(), b.majors(), b.description(),
                b.regionCode(), b.monthlyAllowance(), b.durationMonths(), b.deadline(), b.departmentCode());
    }
}
