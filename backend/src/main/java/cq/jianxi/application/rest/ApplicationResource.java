package cq.jianxi.application.rest;

import cq.jianxi.application.domain.Application;
import cq.jianxi.application.service.ApplicationService;
import cq.jianxi.common.security.CallerProvider;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import java.time.OffsetDateTime;
import java.util.List;

/** Applications (见习申请) from a position to an accepted offer. */
@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习申请")
@Authenticated
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @Inject
    CallerProvider callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Apply to a position",
            description = "青年申请对青年开放的岗位（已发布、未截止、所属基地备案有效、月基本生活费不低于本年度最低标准），否则 409；同一岗位只能有一份进行中的申请。"
                    + "投递即向该岗位所属基地提供本人手机号码用于联系面试：投递页须先告知申请人（“投递后，该见习基地可查看你的手机号码用于联系面试”），"
                    + "请求以 contactShared=true 表示申请人已知晓，缺少或为 false 时 400（字段 contactShared），不投递；知晓时间记入申请（contactSharedAt）。基地收到站内通知。")
    @APIResponse(responseCode = "201", description = "已投递", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "400", description = "缺少岗位或未确认提供手机号码（contactShared 须为 true）")
    @APIResponse(responseCode = "409", description = "岗位不接受申请，或已有进行中的申请")
    public Uni<ApplicationView> createApplication(@Valid @NotNull(message = "请求体不能为空") ApplyBody body) {
        return applications.apply(callers.current(), body.positionId(), body.contactShared()).map(ApplicationView::of);
    }

    @GET
    @Operation(summary = "List applications",
            description = "青年：本人的申请；见习基地：投递本基地岗位的申请（可按岗位、状态过滤）。分页，附总数，最近更新的在前。")
    public Uni<ApplicationPage> listApplications(
            @Parameter(description = "岗位编号") @QueryParam("positionId") Long positionId,
            @Parameter(description = "状态代码", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.application.domain.ApplicationStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "页码，从 0 开始") @jakarta.validation.constraints.Min(value = 0, message = "页码不能为负数") @jakarta.validation.constraints.Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @jakarta.validation.constraints.Min(value = 1, message = "每页条数须在 1 到 200 之间") @jakarta.validation.constraints.Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") int size) {
        return applications.list(callers.current(), positionId, status, page, size)
                .map(p -> new ApplicationPage(p.items().stream().map(ApplicationView::of).toList(), p.total(), p.page(), p.size()));
    }

    @Schema(name = "ApplicationPage", description = "一页见习申请")
    public record ApplicationPage(
            @Schema(description = "本页申请", required = true) List<ApplicationView> items,
            @Schema(description = "符合条件的申请总数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an application",
            description = "申请详情（申请人本人或岗位所属基地，否则 403）。申请人手机号默认脱敏；岗位所属基地以 reveal=true 查看完整号码用于联系面试，"
                    + "每次查看记入审计日志（查看完整个人信息）。仅限投递时已告知申请人的、仍在进行中的申请（已投递至已接受），否则 409。申请人本人 reveal=true 看到自己的号码。")
    @APIResponse(responseCode = "200", description = "申请详情", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "403", description = "不是申请人本人，也不是岗位所属基地")
    @APIResponse(responseCode = "404", description = "申请不存在")
    @APIResponse(responseCode = "409", description = "reveal=true：申请已结束（未通过、已撤回），或投递时未告知申请人")
    public Uni<ApplicationView> getApplication(@PathParam("id") long id,
            @Parameter(description = "岗位所属基地查看申请人完整手机号（记入审计日志）") @QueryParam("reveal") @DefaultValue("false") boolean reveal) {
        return applications.get(callers.current(), id, reveal).map(ApplicationView::of);
    }

    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an application",
            description = "基地：SCREENING 筛选、INTERVIEW 面试（须填时间和地点）、OFFERED 录用、REJECTED 不录用（须填原因）；申请人：ACCEPTED 接受录用、WITHDRAWN 撤回。接受录用时岗位名额不会被超出（并发接受时只有名额内的成功，其余 409）；招满的岗位自动关闭。申请人在见习开始日不属于见习对象（离校2年内未就业高校毕业生或16–24岁失业青年）时接受录用返回 409“不符合见习对象条件”，不占名额。每一步通知另一方。")
    public Uni<ApplicationView> transitionApplication(@PathParam("id") long id, TransitionBody body) {
        ApplicationService.Transition t = body == null ? null
                : new ApplicationService.Transition(body.to(), body.interviewAt(), body.interviewPlace(), body.reason());
        return applications.transition(callers.current(), id, t).map(ApplicationView::of);
    }

    @Schema(name = "ApplyRequest", description = "申请岗位")
    public record ApplyBody(
            @Schema(description = "岗位编号", required = true) @NotNull(message = "请选择岗位") Long positionId,
            @Schema(description = "申请人已知晓投递后该岗位所属基地可查看其手机号码用于联系面试；须为 true", required = true)
            @NotNull(message = "请确认提供手机号码给见习基地") @AssertTrue(message = "投递前须知晓：投递后该见习基地可查看你的手机号码用于联系面试")
            Boolean contactShared) {
    }

    @Schema(name = "ApplicationTransition", description = "申请状态变更")
    public record TransitionBody(
            @Schema(description = "目标状态：SCREENING、INTERVIEW、OFFERED、ACCEPTED、REJECTED、WITHDRAWN", required = true, implementation = cq.jianxi.application.domain.ApplicationStatus.class) String to,
            @Schema(description = "面试时间（INTERVIEW 时必填）") OffsetDateTime interviewAt,
            @Schema(description = "面试地点（INTERVIEW 时必填）") String interviewPlace,
            @Schema(description = "不录用原因（REJECTED 时必填）") String reason) {
    }

    @Schema(name = "Application", description = "见习申请")
    public record ApplicationView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "岗位编号", required = true) long positionId,
            @Schema(description = "岗位名称", required = true) String positionTitle,
            @Schema(description = "见习基地编号", required = true) long baseId,
            @Schema(description = "见习基地名称", required = true) String baseName,
            @Schema(description = "申请人编号", required = true) long youthId,
            @Schema(description = "申请人姓名", required = true) String youthName,
            @Schema(description = "申请人手机号：脱敏，基地以 reveal=true 查看详情时为完整号码") String applicantPhone,
            @Schema(description = "申请人手机号是否脱敏", required = true) boolean applicantPhoneMasked,
            @Schema(description = "申请人知晓基地可查看其手机号码的时间（投递时）；此规则之前的申请为空，基地不能查看其完整号码") OffsetDateTime contactSharedAt,
            @Schema(description = "状态代码", required = true, implementation = cq.jianxi.application.domain.ApplicationStatus.class) String status,
            @Schema(description = "状态（中文）", required = true) String statusLabel,
            @Schema(description = "面试时间") OffsetDateTime interviewAt,
            @Schema(description = "面试地点") String interviewPlace,
            @Schema(description = "不录用原因") String rejectReason,
            @Schema(description = "申请时间", required = true) OffsetDateTime createdAt,
            @Schema(description = "最近变更时间", required = true) OffsetDateTime updatedAt) {

        static ApplicationView of(ApplicationService.Row r) {
            Application a = r.application();
            return new ApplicationView(a.id, a.positionId, r.positionTitle(), r.baseId(), r.baseName(), a.youthId,
                    r.youthName(), r.applicantPhone(), r.applicantPhoneMasked(), a.contactSharedAt, a.status.name(), a.status.label(), a.interviewAt, a.interviewPlace, a.rejectReason,
                    a.createdAt, a.updatedAt);
        }
    }
}
