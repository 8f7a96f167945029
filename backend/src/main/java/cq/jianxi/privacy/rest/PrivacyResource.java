package cq.jianxi.privacy.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.privacy.readmodel.PersonalData;
import cq.jianxi.privacy.rest.PrivacyViews.ConsentPage;
import cq.jianxi.privacy.rest.PrivacyViews.ConsentTextView;
import cq.jianxi.privacy.rest.PrivacyViews.DeletionPage;
import cq.jianxi.privacy.rest.PrivacyViews.DeletionRequestBody;
import cq.jianxi.privacy.rest.PrivacyViews.DeletionView;
import cq.jianxi.privacy.rest.PrivacyViews.RejectionBody;
import cq.jianxi.privacy.rest.PrivacyViews.TermsView;
import cq.jianxi.privacy.service.ConsentService;
import cq.jianxi.privacy.service.DataExportService;
import cq.jianxi.privacy.service.DeletionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

/** Young people's personal information (个人信息保护): consent texts and records, their data download, deletion requests. */
@Path("/api/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "个人信息保护")
public class PrivacyResource {

    @Inject
    ConsentService consents;
    @Inject
    DataExportService exports;
    @Inject
    DeletionService deletions;
    @Inject
    CallerProvider callers;

    @GET
    @Path("/consent-text")
    @PermitAll
    @Operation(summary = "The consent text in force",
            description = "当前生效的《敏感个人信息处理单独同意书》（个人信息保护法第二十九条）：注册页展示全文，注册请求以 consentVersion 提交其版本号；版本已更新时注册返回 400（字段 consentVersion）。")
    @APIResponse(responseCode = "200", description = "当前版本", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentTextView.class)))
    @APIResponse(responseCode = "404", description = "没有生效的版本")
    public Uni<ConsentTextView> getCurrentConsentText() {
        return consents.current().map(ConsentTextView::of);
    }

    @GET
    @Path("/consent-texts/{version}")
    @PermitAll
    @Operation(summary = "A consent text by version", description = "某一版本的同意书全文，用于查看当时同意的内容。")
    @APIResponse(responseCode = "200", description = "该版本", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentTextView.class)))
    @APIResponse(responseCode = "404", description = "版本不存在")
    public Uni<ConsentTextView> getConsentText(@PathParam("version") String version) {
        return consents.text(version).map(ConsentTextView::of);
    }

    @GET
    @Path("/me/consents")
    @Authenticated
    @Operation(summary = "My consents", description = "青年本人给出的同意记录（同意事项、文本版本、时间、IP），按时间倒序。仅青年本人。")
    @APIResponse(responseCode = "200", description = "同意记录", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentPage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非青年账户")
    public Uni<ConsentPage> listMyConsents(
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return consents.mine(callers.current(), page, size).map(ConsentPage::of);
    }

    @GET
    @Path("/me/data-export")
    @Authenticated
    @Operation(summary = "Download my data",
            description = "青年下载平台保存的关于本人的全部数据（JSON，个人信息保护法第四十五条）：登记信息（完整身份证号和手机号）、账户、同意记录、见习申请、见习记录及每月确认和回访、补贴申领及拨付、活动报名、服务记录、消息、删除申请，以及本人的操作和工作人员对本人登记信息的操作（只显示角色）。只能下载本人的数据；下载记入审计日志。")
    @APIResponse(responseCode = "200", description = "本人数据（附件下载）", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PersonalData.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非青年账户")
    public Uni<RestResponse<PersonalData>> downloadMyData() {
        return exports.export(callers.current()).map(data -> RestResponse.ResponseBuilder.ok(data)
                .header("Content-Disposition", "attachment; filename=\"jianxi-my-data.json\"").build());
    }

    @GET
    @Path("/deletion-terms")
    @PermitAll
    @Operation(summary = "What deletion erases and keeps",
            description = "删除个人信息的范围：将删除的信息、为补贴资金审计依规保留的信息及其保存期限。青年提交删除申请前展示。")
    @APIResponse(responseCode = "200", description = "删除范围", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TermsView.class)))
    public TermsView getDeletionTerms() {
        return TermsView.of(deletions.terms());
    }

    @POST
    @Path("/me/deletion-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @ResponseStatus(201)
    @Operation(summary = "Ask to delete my personal information",
            description = "青年申请删除个人信息（原因可不填），由申请时居住区县的人社局（或市人社局）办理。同一时间只能有一份待办理的申请，再次提交返回 409。")
    @APIResponse(responseCode = "201", description = "已提交", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeletionView.class)))
    @APIResponse(responseCode = "400", description = "原因过长（字段 reason）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非青年账户")
    @APIResponse(responseCode = "409", description = "已有待办理的申请")
    public Uni<DeletionView> requestDeletion(@Valid @NotNull(message = "请求体不能为空") DeletionRequestBody body) {
        return deletions.request(callers.current(), body.reason()).map(DeletionView::of);
    }

    @GET
    @Path("/me/deletion-requests")
    @Authenticated
    @Operation(summary = "My deletion requests", description = "青年本人的删除申请及办理结果，按申请时间倒序。")
    @APIResponse(responseCode = "200", description = "删除申请", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeletionPage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非青年账户")
    public Uni<DeletionPage> listMyDeletionRequests(
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return deletions.mine(callers.current(), page, size).map(DeletionPage::of);
    }

    @GET
    @Path("/deletion-requests")
    @Authenticated
    @Operation(summary = "Deletion requests to handle",
            description = "工作人员查看删除申请（姓名、脱敏身份证号、原因、状态），按申请时间先后。区县管理员只看本区县居民的申请，市人社局可看全部或按区县过滤。")
    @APIResponse(responseCode = "200", description = "删除申请", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeletionPage.class)))
    @APIResponse(responseCode = "400", description = "参数不合法（字段 status、page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市、区县人社局管理员，或查询其他区县")
    public Uni<DeletionPage> listDeletionRequests(
            @Parameter(description = "状态：PENDING、COMPLETED、REJECTED；不填为全部", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = cq.jianxi.privacy.domain.DeletionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "区县代码（市人社局可用）") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return deletions.list(callers.current(), regionCode, status, page, size).map(DeletionPage::of);
    }

    @POST
    @Path("/deletion-requests/{id}/completion")
    @Authenticated
    @Operation(summary = "Complete a deletion request",
            description = "办理删除：删除手机号、学校专业、意向、困难类别、消息、未举办活动的报名、进行中的申请和服务备注；保留姓名、身份证号、学历和毕业时间、见习和补贴记录以备审计；停用账户并结束其全部登录会话。"
                    + "见习尚未结束的人员返回 409。仅申请所在区县的管理员或市人社局管理员；记入审计日志。")
    @APIResponse(responseCode = "200", description = "已删除", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeletionView.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "无权办理（其他区县或其他角色）")
    @APIResponse(responseCode = "404", description = "申请不存在")
    @APIResponse(responseCode = "409", description = "申请已办理，或见习尚未结束")
    public Uni<DeletionView> completeDeletion(@PathParam("id") long id) {
        return deletions.complete(callers.current(), id).map(DeletionView::of);
    }

    @POST
    @Path("/deletion-requests/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Reject a deletion request", description = "驳回删除申请（须填写原因），青年可在“隐私与个人信息”中看到原因。仅申请所在区县的管理员或市人社局管理员；记入审计日志。")
    @APIResponse(responseCode = "200", description = "已驳回", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DeletionView.class)))
    @APIResponse(responseCode = "400", description = "未填写原因（字段 reason）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "无权办理（其他区县或其他角色）")
    @APIResponse(responseCode = "404", description = "申请不存在")
    @APIResponse(responseCode = "409", description = "申请已办理")
    public Uni<DeletionView> rejectDeletion(@PathParam("id") long id, @Valid @NotNull(message = "请求体不能为空") RejectionBody body) {
        return deletions.reject(callers.current(), id, body.reason()).map(DeletionView::of);
    }
}
