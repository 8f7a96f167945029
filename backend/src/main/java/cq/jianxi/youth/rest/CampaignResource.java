package cq.jianxi.youth.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.youth.service.MobilisationCampaigns;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 团市委's campaigns to mobilise young people (their figures: GET /api/department-work/campaigns). */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "市级部门工作")
@Authenticated
public class CampaignResource {

    @Inject
    MobilisationCampaigns campaigns;
    @Inject
    CallerProvider callers;

    @Schema(name = "CampaignBody", description = "新建青年动员活动")
    public record CampaignBody(
            @Schema(description = "活动名称（不超过 100 字）", required = true, maxLength = 100) String title,
            @Schema(description = "活动说明（不超过 1000 字）", maxLength = 1000) String description,
            @Schema(description = "开始日期", required = true) LocalDate startsOn,
            @Schema(description = "结束日期（不早于开始日期和今天，活动期不超过一年）", required = true) LocalDate endsOn) {
    }

    @Schema(name = "CampaignCreated", description = "已创建的动员活动及其分享代码")
    public record CampaignCreated(
            @Schema(description = "活动编号", required = true) long id,
            @Schema(description = "分享代码（随机、不可猜测）；报名链接为 /youth/register?campaign=代码", required = true) String code,
            @Schema(description = "报名链接的路径部分", required = true) String sharePath,
            @Schema(description = "活动名称", required = true) String title,
            @Schema(description = "活动说明", required = true) String description,
            @Schema(description = "开始日期", required = true) LocalDate startsOn,
            @Schema(description = "结束日期", required = true) LocalDate endsOn,
            @Schema(description = "创建人", required = true) String createdBy,
            @Schema(description = "创建时间", required = true) OffsetDateTime createdAt) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "createCampaign", summary = "Create a mobilisation campaign",
            description = "团市委用户新建青年动员活动，得到随机分享代码：报名链接 /youth/register?campaign=代码（及其二维码）。"
                    + "活动期内经该链接完成注册（开立账户）的青年计入本活动。其他角色和其他部门 403。")
    @APIResponse(responseCode = "201", description = "已创建", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignCreated.class)))
    @APIResponse(responseCode = "400", description = "字段不合法（指明字段）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "不是团市委用户")
    public Uni<CampaignCreated> createCampaign(CampaignBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("title", "请填写活动名称");
        }
        return campaigns.create(callers.current(), body.title(), body.description(), body.startsOn(), body.endsOn())
                .map(c -> new CampaignCreated(c.id(), c.code(), "/youth/register?campaign=" + c.code(), c.title(),
                        c.description(), c.startsOn(), c.endsOn(), c.createdBy(), c.createdAt()));
    }
}
