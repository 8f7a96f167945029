package cq.jianxi.report.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.report.rest.DepartmentWorkViews.BasePage;
import cq.jianxi.report.rest.DepartmentWorkViews.CampaignPage;
import cq.jianxi.report.rest.DepartmentWorkViews.PositionPage;
import cq.jianxi.report.rest.DepartmentWorkViews.QuotaView;
import cq.jianxi.report.rest.DepartmentWorkViews.SchoolPage;
import cq.jianxi.report.service.DepartmentWorkService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** The municipal departments' own work (Annex 1): each department's task, and the city bureau's view of all. */
@Path("/api/department-work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "市级部门工作")
@Authenticated
public class DepartmentWorkResource {

    private static final String QUOTA_WHO = "有岗位募集任务的部门（市科技局 KJJ、市经济信息委 JXW、市民政局 MZJ、市商务委 SWW、市国资委 GZW、市工商联 GSL）"
            + "只能查看本部门（其他部门 403），市人社局管理员可查看任一部门；没有任务的部门或不存在的部门代码 404；区县、基地、青年 403。";

    @Inject
    DepartmentWorkService work;
    @Inject
    CallerProvider callers;

    @GET
    @Path("/{code}/quota")
    @Operation(operationId = "getDepartmentQuota", summary = "A quota department's progress",
            description = "部门岗位募集任务的年度进度：目标、已完成（计入本部门、该年度首次发布的岗位人数）、本月倒排进度和差距（与计划进度一致）。" + QUOTA_WHO)
    @APIResponse(responseCode = "200", description = "任务进度", content = @Content(mediaType = "application/json", schema = @Schema(implementation = QuotaView.class)))
    @APIResponse(responseCode = "400", description = "年度不合法（字段 year）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是本部门或无权查看")
    @APIResponse(responseCode = "404", description = "该部门没有岗位募集任务")
    public Uni<QuotaView> getDepartmentQuota(@Parameter(description = "部门代码") @PathParam("code") String code,
                                             @Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year) {
        return work.quota(callers.current(), code, year).map(QuotaView::of);
    }

    @GET
    @Path("/{code}/bases")
    @Operation(operationId = "listDepartmentBases", summary = "Bases a department recommended",
            description = "本部门推荐备案的见习基地（状态、区县、备案年度），分页，附推荐总数、已备案数和待审核数。" + QUOTA_WHO)
    @APIResponse(responseCode = "200", description = "推荐的基地", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BasePage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是本部门或无权查看")
    @APIResponse(responseCode = "404", description = "该部门没有岗位募集任务")
    public Uni<BasePage> listDepartmentBases(@Parameter(description = "部门代码") @PathParam("code") String code,
                                             @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                             @Parameter(description = "每页条数（1–100）") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return work.bases(callers.current(), code, page, size).map(BasePage::of);
    }

    @GET
    @Path("/{code}/positions")
    @Operation(operationId = "listDepartmentPositions", summary = "Positions counting to a department's quota",
            description = "计入本部门某年度任务的岗位：该年度首次发布的（其招募人数即任务完成数）和尚未发布的草稿、待审核岗位；分页，附招募人数合计。" + QUOTA_WHO)
    @APIResponse(responseCode = "200", description = "计入任务的岗位", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PositionPage.class)))
    @APIResponse(responseCode = "400", description = "年度或分页参数不合法（指明字段）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是本部门或无权查看")
    @APIResponse(responseCode = "404", description = "该部门没有岗位募集任务")
    public Uni<PositionPage> listDepartmentPositions(@Parameter(description = "部门代码") @PathParam("code") String code,
                                                     @Parameter(description = "年度，默认今年") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year,
                                                     @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                                     @Parameter(description = "每页条数（1–100）") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return work.positions(callers.current(), code, year, page, size).map(PositionPage::of);
    }

    @GET
    @Path("/graduates")
    @Operation(operationId = "getGraduateService", summary = "The shared graduate roster's service by school",
            description = "市教委共享的毕业生名单（来源为共享名单的人员）按学校统计：名单人数、有见习意愿、有培训意愿、获推送岗位人数和推送次数、"
                    + "获得任一服务的人数、见习到岗人数；分页，附全部学校的合计行。year 给定时服务按服务日期、到岗按到岗日期计入该年度，意愿按当前登记。"
                    + "只有人数，不含姓名、身份证号、手机号。市教委用户和市人社局管理员可查看；其他部门、区县、基地、青年 403。")
    @APIResponse(responseCode = "200", description = "按学校统计", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SchoolPage.class)))
    @APIResponse(responseCode = "400", description = "年度或分页参数不合法（指明字段）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是市教委或无权查看")
    public Uni<SchoolPage> getGraduateService(@Parameter(description = "年度（为空时不限年度）") @Min(value = 2000, message = "年度须在 2000 到 2100 之间") @Max(value = 2100, message = "年度须在 2000 到 2100 之间") @QueryParam("year") Integer year,
                                              @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                              @Parameter(description = "每页条数（1–100）") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return work.graduates(callers.current(), year, page, size).map(p -> SchoolPage.of(year, p));
    }

    @GET
    @Path("/campaigns")
    @Operation(operationId = "listCampaigns", summary = "团市委's campaigns and what they brought in",
            description = "团市委的青年动员活动（新建的在前，分页）：分享链接、活动期，以及经链接注册的人数、其中有见习意愿、投递过申请和见习到岗的人数，附全部活动合计。"
                    + "只有人数，不含个人信息。团市委用户和市人社局管理员可查看；其他部门、区县、基地、青年 403。新建活动见 POST /api/campaigns。")
    @APIResponse(responseCode = "200", description = "动员活动", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignPage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是团市委或无权查看")
    public Uni<CampaignPage> listCampaigns(@Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
                                           @Parameter(description = "每页条数（1–100）") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return work.campaigns(callers.current(), page, size).map(CampaignPage::of);
    }
}
