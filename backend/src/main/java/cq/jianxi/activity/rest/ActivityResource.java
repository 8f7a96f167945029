package cq.jianxi.activity.rest;

import cq.jianxi.activity.service.ActivityService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

import java.time.LocalDate;
import java.util.List;

/** Matching events and policy sessions (见习活动). */
@Path("/api/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习活动")
@Authenticated
public class ActivityResource {

    @Inject
    ActivityService activities;

    @Inject
    CallerProvider callers;

    @Inject
    cq.jianxi.activity.service.AttachmentService attachments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    @Operation(summary = "Record an activity",
            description = "区县（本区县）或市人社局登记供需对接活动（线上须填链接、线下须填地点；参与基地、提供岗位、16–24岁失业青年、离校未就业高校毕业生人数）或政策宣讲（服务用人单位、服务青年人数）。计入附件5 推进表和年度目标。")
    public Uni<ActivityView> createActivity(@jakarta.validation.Valid ActivityBody b) {
        if (b == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return activities.create(callers.current(), new ActivityService.Activity(null, b.kind(), b.regionCode(), b.heldOn(),
                b.title(), b.organizer(), b.venue(), b.link(), nz(b.basesCount()), nz(b.positionsOffered()),
                nz(b.unemployedYouth()), nz(b.graduates()), nz(b.employersServed()), nz(b.youthServed()), 0, 0)).map(ActivityView::of);
    }

    @GET
    @Operation(summary = "List activities", description = "按区县和日期范围分页列出见习活动（附总数，日期新的在前）；区县管理员只看本区县。")
    public Uni<ActivityPage> listActivities(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "起始日期") @QueryParam("from") LocalDate from,
            @Parameter(description = "截止日期") @QueryParam("to") LocalDate to,
            @Parameter(description = "页码，从 0 开始") @jakarta.validation.constraints.Min(value = 0, message = "页码不能为负数") @jakarta.validation.constraints.Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @jakarta.validation.constraints.Min(value = 1, message = "每页条数须在 1 到 200 之间") @jakarta.validation.constraints.Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @jakarta.ws.rs.DefaultValue("50") int size) {
        return activities.list(callers.current(), regionCode, from, to, page, size)
                .map(p -> new ActivityPage(p.items().stream().map(ActivityView::of).toList(), p.total(), p.page(), p.size()));
    }

    @Schema(name = "ActivityPage", description = "一页见习活动")
    public record ActivityPage(
            @Schema(description = "本页活动", required = true) List<ActivityView> items,
            @Schema(description = "符合条件的活动总数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @POST
    @Path("/{id}/placements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link placements", description = "把活动促成的见习（本区县、活动当天或之后到岗）关联到对接活动，计入“促成见习上岗”。")
    public Uni<ActivityView> addPlacements(@PathParam("id") long id, PlacementsBody body) {
        return activities.addPlacements(callers.current(), id, body == null ? null : body.internshipIds()).map(ActivityView::of);
    }

    @POST
    @Path("/{id}/signups")
    @Operation(summary = "Sign up to an activity", description = "见习基地或青年报名参加尚未举行的活动（重复报名不重复计数）。")
    public Uni<ActivityView> signUp(@PathParam("id") long id) {
        return activities.signUp(callers.current(), id).map(ActivityView::of);
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已保存", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttachmentView.class)))
    @Operation(summary = "Upload an activity record",
            description = "上传活动资料留存（台账、签到表、照片）：只接受 JPEG、PNG、PDF、xlsx（按文件内容识别），单个不超过 10 MB，持久保存。区县（本区县）或市人社局。")
    public Uni<AttachmentView> uploadAttachment(@PathParam("id") long id,
                                               @org.jboss.resteasy.reactive.RestForm("kind") String kind,
                                               @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        return attachments.upload(callers.current(), id, kind, file.fileName(), file.uploadedFile(), file.size())
                .map(AttachmentView::of);
    }

    @GET
    @Path("/{id}/attachments")
    @Operation(summary = "List activity records", description = "活动的资料留存列表（本区县、市人社局和市级部门可见）。")
    public Uni<List<AttachmentView>> listAttachments(@PathParam("id") long id) {
        return attachments.list(callers.current(), id).map(list -> list.stream().map(AttachmentView::of).toList());
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download an activity record", description = "下载活动资料。")
    @APIResponse(responseCode = "200", description = "文件内容，类型为上传时检出的 PNG、JPEG 或 PDF",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "image/png",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "image/jpeg",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/pdf",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    public Uni<jakarta.ws.rs.core.Response> downloadAttachment(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        return attachments.download(callers.current(), id, attachmentId).map(d -> jakarta.ws.rs.core.Response
                .ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder
                        .encode(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                // Served as a download of its detected type only: the browser must not guess another type.
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build());
    }

    @Schema(name = "ActivityAttachment", description = "活动资料")
    public record AttachmentView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "类型：LEDGER 台账、SIGN_IN 签到表、PHOTO 照片、OTHER 其他", required = true, enumeration = {"LEDGER", "SIGN_IN", "PHOTO", "OTHER"}) String kind,
            @Schema(description = "文件名", required = true) String fileName,
            @Schema(description = "内容类型", required = true) String contentType,
            @Schema(description = "大小（字节）", required = true) long sizeBytes,
            @Schema(description = "上传人", required = true) String uploadedBy,
            @Schema(description = "上传时间", required = true) java.time.OffsetDateTime uploadedAt) {
        static AttachmentView of(cq.jianxi.activity.service.AttachmentService.Attachment a) {
            return new AttachmentView(a.id(), a.kind(), a.fileName(), a.contentType(), a.sizeBytes(), a.uploadedBy(), a.uploadedAt());
        }
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    @Schema(name = "ActivityRequest", description = "登记见习活动")
    public record ActivityBody(
            @Schema(description = "类型：MATCHING_ONLINE 线上对接、MATCHING_OFFLINE 线下对接、POLICY_SESSION 政策宣讲", required = true, enumeration = {"MATCHING_ONLINE", "MATCHING_OFFLINE", "POLICY_SESSION"}) String kind,
            @Schema(description = "区县代码", required = true, pattern = cq.jianxi.common.validation.Formats.REGION_CODE)
            @jakarta.validation.constraints.Pattern(regexp = cq.jianxi.common.validation.Formats.REGION_CODE, message = "区县代码应为 6 位数字") String regionCode,
            @Schema(description = "活动日期", required = true) LocalDate heldOn,
            @Schema(description = "活动名称", required = true) String title,
            @Schema(description = "主办单位", required = true) String organizer,
            @Schema(description = "地点（线下活动必填）") String venue,
            @Schema(description = "链接（线上活动必填）", pattern = cq.jianxi.common.validation.Formats.WEB_ADDRESS, maxLength = 500) String link,
            @Schema(description = "参与基地（家）", minimum = "0", maximum = "1000000") Integer basesCount,
            @Schema(description = "提供岗位（个）", minimum = "0", maximum = "1000000") Integer positionsOffered,
            @Schema(description = "参与的16–24岁失业青年（人）", minimum = "0", maximum = "1000000") Integer unemployedYouth,
            @Schema(description = "参与的离校未就业高校毕业生（人）", minimum = "0", maximum = "1000000") Integer graduates,
            @Schema(description = "政策宣讲服务用人单位（家）", minimum = "0", maximum = "1000000") Integer employersServed,
            @Schema(description = "政策宣讲服务青年（人）", minimum = "0", maximum = "1000000") Integer youthServed) {
    }

    @Schema(name = "PlacementsRequest", description = "关联促成上岗的见习")
    public record PlacementsBody(@Schema(description = "见习编号", required = true) List<Long> internshipIds) {
    }

    @Schema(name = "Activity", description = "见习活动")
    public record ActivityView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "类型", required = true, enumeration = {"MATCHING_ONLINE", "MATCHING_OFFLINE", "POLICY_SESSION"}) String kind,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "活动日期", required = true) LocalDate heldOn,
            @Schema(description = "活动名称", required = true) String title,
            @Schema(description = "主办单位", required = true) String organizer,
            @Schema(description = "地点") String venue,
            @Schema(description = "链接") String link,
            @Schema(description = "参与基地（家）", required = true) int basesCount,
            @Schema(description = "提供岗位（个）", required = true) int positionsOffered,
            @Schema(description = "参与的16–24岁失业青年（人）", required = true) int unemployedYouth,
            @Schema(description = "参与的离校未就业高校毕业生（人）", required = true) int graduates,
            @Schema(description = "服务用人单位（家）", required = true) int employersServed,
            @Schema(description = "服务青年（人）", required = true) int youthServed,
            @Schema(description = "促成见习上岗（人，关联的见习数）", required = true) int placements,
            @Schema(description = "报名的基地和青年数", required = true) int signups) {
        static ActivityView of(ActivityService.Activity a) {
            return new ActivityView(a.id(), a.kind(), a.regionCode(), a.heldOn(), a.title(), a.organizer(), a.venue(), a.link(),
                    a.basesCount(), a.positionsOffered(), a.unemployedYouth(), a.graduates(), a.employersServed(),
                    a.youthServed(), a.placements(), a.signups());
        }
    }
}
