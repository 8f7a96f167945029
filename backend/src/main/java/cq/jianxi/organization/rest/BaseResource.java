package cq.jianxi.organization.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.rest.BaseViews.BasePageView;
import cq.jianxi.organization.rest.BaseViews.BaseView;
import cq.jianxi.organization.rest.BaseViews.EmployerView;
import cq.jianxi.organization.rest.BaseViews.FilingApplication;
import cq.jianxi.organization.rest.BaseViews.OperatingStatusRequest;
import cq.jianxi.organization.rest.BaseViews.RejectRequest;
import cq.jianxi.organization.service.BaseFilingDecisions;
import cq.jianxi.organization.service.BaseFilingService;
import cq.jianxi.organization.service.BaseRegistry;
import cq.jianxi.organization.service.FilingRequest;
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

/** Base filing (见习基地备案) and employers. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习基地")
public class BaseResource {

    @Inject
    BaseFilingService filings;
    @Inject
    BaseFilingDecisions decisions;

    @Inject
    BaseRegistry registry;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/bases/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @ResponseStatus(201)
    @Operation(summary = "Apply for base filing",
            description = "提交见习基地备案申请。未登录时为单位自主申请：同时创建待审核的基地账户（须提供用户名和密码）；市级部门（科技局、经信委、民政局、商务委、国资委、工商联）登录后提交即为推荐，记录推荐部门；区县或市人社局管理员提交即直接备案（区县只能备案本区县单位）。未登录的申请每个地址每小时最多 10 次（429）。")
    @APIResponse(responseCode = "201", description = "申请已提交（区县备案时已通过）", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BaseView.class)))
    @cq.jianxi.common.ratelimit.RateLimited(value = cq.jianxi.common.ratelimit.Limit.FILING_ADDRESS, anonymousOnly = true)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    public Uni<BaseView> applyForFiling(FilingApplication body) {
        if (body == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        FilingRequest request = new FilingRequest(body.creditCode(), body.employerName(), body.regionCode(),
                body.industry(), body.ownership(), body.keyCategories(), body.contactName(), body.contactPhone(),
                body.address(), body.username(), body.password());
        return callers.optional().flatMap(caller -> filings.apply(caller, request)).map(BaseView::of);
    }

    @POST
    @Path("/bases/{id}/approve")
    @Authenticated
    @Operation(summary = "Approve a base filing",
            description = "区县管理员（本区县）或市人社局管理员审核通过备案申请，基地计入当年新增见习基地（带重点企业类别的同时计入“其中重点企业”）。须先记录本次提交的现场核查且最近一次结论为通过，否则 409。两人同时审核同一申请只产生一次状态变更，另一人得到 409。")
    @APIResponse(responseCode = "200", description = "已备案", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BaseView.class)))
    @APIResponse(responseCode = "403", description = "不是本区县或市人社局管理员")
    @APIResponse(responseCode = "404", description = "备案不存在")
    @APIResponse(responseCode = "409", description = "已处理，或本次提交没有结论为通过的现场核查")
    public Uni<BaseView> approveBase(@PathParam("id") long id) {
        return decisions.approve(callers.current(), id).map(BaseView::of);
    }

    @POST
    @Path("/bases/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Reject a base filing", description = "驳回备案申请，须填写理由（记入驳回记录，双方可见）。基地可用本账户修改后重新提交（PUT /api/bases/{id}/filing）。")
    public Uni<BaseView> rejectBase(@PathParam("id") long id, RejectRequest body) {
        return decisions.reject(callers.current(), id, body == null ? null : body.reason()).map(BaseView::of);
    }

    @POST
    @Path("/bases/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Revoke a base filing",
            description = "区县（本区县）或市人社局管理员撤销已备案基地（须填理由）。撤销后不能发布岗位、不能申领见习补贴。")
    public Uni<BaseView> revokeBase(@PathParam("id") long id, RejectRequest body) {
        return decisions.revoke(callers.current(), id, body == null ? null : body.reason()).map(BaseView::of);
    }

    @GET
    @Path("/bases")
    @Authenticated
    @Operation(summary = "List bases",
            description = "按数据范围列出见习基地：市人社局和市级部门看全市，区县管理员只看本区县（查询其他区县返回 403），基地用户只看本基地。可按区县、状态、名称关键字过滤；overdue=true 只列超过审核期限仍待审核的备案，overdueCount 为其数量。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.SEARCH)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "一页基地")
    public Uni<BasePageView> listBases(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "备案状态：PENDING、APPROVED、REJECTED", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.organization.domain.BaseStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "名称关键字") @QueryParam("keyword") String keyword,
            @Parameter(description = "只看超过审核期限仍待审核的备案") @QueryParam("overdue") @DefaultValue("false") boolean overdue,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @Min(value = 1, message = "每页条数须在 1 到 200 之间") @Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @DefaultValue("20") int size) {
        BaseStatus st;
        try {
            st = status == null || status.isBlank() ? null : BaseStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "备案状态取值不正确：" + status);
        }
        return registry.list(callers.current(), regionCode == null || regionCode.isBlank() ? null : regionCode.trim(),
                st, keyword, overdue, page, size).map(BasePageView::of);
    }

    @GET
    @Path("/bases/{id}")
    @Authenticated
    @Operation(summary = "Get a base",
            description = "查看见习基地备案详情。联系电话默认脱敏；区县/市人社局管理员以 reveal=true 查看完整号码时记入审计日志。基地用户只能查看本基地。")
    public Uni<BaseView> getBase(@PathParam("id") long id,
                                 @Parameter(description = "是否显示完整联系电话") @QueryParam("reveal") @DefaultValue("false") boolean reveal) {
        return registry.get(callers.current(), id, reveal).map(BaseView::of);
    }

    @PUT
    @Path("/employers/{id}/operating-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Set an employer's operating status",
            description = "更新用人单位经营状态（市场监管共享数据）。吊销或注销的单位，其基地不能发布岗位并显示警示。市人社局或本区县管理员可用。")
    public Uni<EmployerView> setOperatingStatus(@PathParam("id") long id, OperatingStatusRequest body) {
        return registry.setOperatingStatus(callers.current(), id, body == null ? null : body.status())
                .map(d -> EmployerView.of(d.employer(), d.keyCategories()));
    }
}
