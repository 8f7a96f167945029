package cq.jianxi.organization.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimited;
import cq.jianxi.common.ratelimit.RateLimits;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.organization.domain.BaseFile;
import cq.jianxi.organization.domain.BaseInspection;
import cq.jianxi.organization.domain.BaseRejection;
import cq.jianxi.organization.rest.BaseViews.BaseView;
import cq.jianxi.organization.service.BaseCertificationService;
import cq.jianxi.organization.service.BaseFilingService;
import cq.jianxi.organization.service.CertifiedBases;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The certification of a base filing (认定): documents, on-site inspections, resubmission, and the public list. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习基地")
public class BaseCertificationResource {

    /** The filing form's phone rule: a mobile number or a fixed line with its area code. */
    static final String PHONE = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}";

    @Inject
    BaseCertificationService certification;
    @Inject
    BaseFilingService filings;
    @Inject
    CertifiedBases certified;
    @Inject
    CallerProvider callers;

    @GET
    @Path("/bases/{id}/certification")
    @Authenticated
    @Operation(summary = "Get a filing's certification",
            description = "备案认定材料：受理回执、审核期限（是否超期）、单位申报的行业、性质和重点企业类别、市场监管经营状态、基地上传的材料、现场核查记录（含照片）和历次驳回记录。基地本身、本区县管理员和市人社局可查看；市级部门和青年 403。")
    @APIResponse(responseCode = "200", description = "认定材料", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificationView.class)))
    @APIResponse(responseCode = "403", description = "不是该基地、本区县或市人社局")
    @APIResponse(responseCode = "404", description = "备案不存在")
    public Uni<CertificationView> getBaseCertification(@PathParam("id") long id) {
        return certification.dossier(callers.current(), id).map(CertificationView::of);
    }

    @POST
    @Path("/bases/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authenticated
    @ResponseStatus(201)
    @Operation(summary = "Upload a filing document",
            description = "基地为本基地待审核或未通过的备案上传材料：kind 为 BUSINESS_LICENCE 营业执照、WORKPLACE_PHOTO 场所照片或 OTHER 其他；只接受 JPEG、PNG、PDF、xlsx（按文件内容识别，含脚本或自动动作的 PDF 拒收），单个不超过 10 MB。")
    @APIResponse(responseCode = "201", description = "已上传", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "材料类型不对，文件为空、过大或类型不接受")
    @APIResponse(responseCode = "403", description = "不是该备案的基地账户")
    @APIResponse(responseCode = "404", description = "备案不存在")
    @APIResponse(responseCode = "409", description = "备案已通过或已撤销，材料不能再修改")
    public Uni<FileView> uploadBaseDocument(@PathParam("id") long id, @RestForm("kind") String kind, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        return certification.uploadDocument(callers.current(), id, kind, file.fileName(), file.uploadedFile(), file.size())
                .map(FileView::of);
    }

    @DELETE
    @Path("/bases/{id}/documents/{documentId}")
    @Authenticated
    @ResponseStatus(204)
    @Operation(summary = "Delete a filing document", description = "基地在备案待审核或未通过时删除本基地上传的材料。")
    @APIResponse(responseCode = "204", description = "已删除")
    @APIResponse(responseCode = "403", description = "不是该备案的基地账户")
    @APIResponse(responseCode = "404", description = "备案或材料不存在")
    @APIResponse(responseCode = "409", description = "备案已通过或已撤销，材料不能再修改")
    public Uni<Void> deleteBaseDocument(@PathParam("id") long id, @PathParam("documentId") long documentId) {
        return certification.deleteDocument(callers.current(), id, documentId);
    }

    @GET
    @Path("/bases/{id}/files/{fileId}")
    @Authenticated
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Download a filing file",
            description = "下载备案材料或现场核查照片（以附件形式、按识别出的类型返回）。基地本身、本区县管理员和市人社局可下载。")
    @APIResponse(responseCode = "200", description = "文件内容，类型为上传时检出的 PNG、JPEG 或 PDF",
            content = {@org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "image/png",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "image/jpeg",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/pdf",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "403", description = "不是该基地、本区县或市人社局")
    @APIResponse(responseCode = "404", description = "备案或文件不存在")
    public Uni<Response> downloadBaseFile(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        return certification.download(callers.current(), id, fileId).map(d -> Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                // Served as a download of its detected type only: the browser must not guess another type.
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build());
    }

    @POST
    @Path("/bases/{id}/inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @ResponseStatus(201)
    @Operation(summary = "Record an on-site inspection",
            description = "区县管理员记录本区县待审核备案的现场核查：核查日期（不晚于今天、不早于本次提交日期）、两名不同的核查人、核查情况和结论（PASSED 通过、FAILED 不通过）。审核通过须有本次提交的、最近一次结论为通过的核查。")
    @APIResponse(responseCode = "201", description = "已记录", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InspectionView.class)))
    @APIResponse(responseCode = "400", description = "字段有误（如日期在今天之后、两名核查人相同）")
    @APIResponse(responseCode = "403", description = "不是本区县管理员")
    @APIResponse(responseCode = "404", description = "备案不存在")
    @APIResponse(responseCode = "409", description = "备案不是待审核状态")
    public Uni<InspectionView> recordBaseInspection(@PathParam("id") long id,
                                                    @Valid @NotNull(message = "请求体不能为空") InspectionRequest body) {
        return certification.recordInspection(callers.current(), id, new BaseCertificationService.InspectionInput(
                body.inspectedOn(), body.inspectorOne(), body.inspectorTwo(), body.findings(), body.conclusion()))
                .map(InspectionView::of);
    }

    @POST
    @Path("/bases/{id}/inspections/{inspectionId}/photos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authenticated
    @ResponseStatus(201)
    @Operation(summary = "Add an inspection photo",
            description = "区县管理员为本次提交的现场核查补充照片（JPEG、PNG、PDF、xlsx，按内容识别，不超过 10 MB）。")
    @APIResponse(responseCode = "201", description = "已上传", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FileView.class)))
    @APIResponse(responseCode = "400", description = "文件为空、过大或类型不接受")
    @APIResponse(responseCode = "403", description = "不是本区县管理员")
    @APIResponse(responseCode = "404", description = "备案或核查记录不存在")
    @APIResponse(responseCode = "409", description = "备案不是待审核状态，或核查属于此前的提交")
    public Uni<FileView> uploadInspectionPhoto(@PathParam("id") long id, @PathParam("inspectionId") long inspectionId,
                                               @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        return certification.uploadInspectionPhoto(callers.current(), id, inspectionId, file.fileName(), file.uploadedFile(),
                file.size()).map(FileView::of);
    }

    @PUT
    @Path("/bases/{id}/filing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Correct and resubmit a rejected filing",
            description = "基地用本账户修改未通过的备案并重新提交：回到待审核，提交轮次加 1，按提交日重新计算审核期限；受理回执编号、材料和历次驳回记录保留。统一社会信用代码和所在区县不能修改（换单位或换区县须重新申请）。单位信息在审核通过后才更新到用人单位。")
    @APIResponse(responseCode = "200", description = "已重新提交", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BaseView.class)))
    @APIResponse(responseCode = "400", description = "字段有误（violations 指明字段）")
    @APIResponse(responseCode = "403", description = "不是该备案的基地账户")
    @APIResponse(responseCode = "404", description = "备案不存在")
    @APIResponse(responseCode = "409", description = "备案不是未通过状态，或该单位已有其他待审核或已备案的备案")
    public Uni<BaseView> resubmitBaseFiling(@PathParam("id") long id,
                                            @Valid @NotNull(message = "请求体不能为空") FilingCorrectionRequest body) {
        return filings.resubmit(callers.current(), id, new BaseFilingService.FilingCorrection(body.employerName(),
                body.industry(), body.ownership(), body.keyCategories(), body.contactName(), body.contactPhone(),
                body.address())).map(BaseView::of);
    }

    @GET
    @Path("/public/bases")
    @PermitAll
    @Operation(summary = "List certified bases",
            description = "公开的已认定见习基地名录（无需登录）：只列已备案（审核通过、未撤销）的基地，含名称、区县、行业、级别、认定日期，不含联系人等个人信息；可按区县和名称关键字过滤，分页并返回总数。每个地址（登录后每个账户）每分钟最多 120 次（429）。")
    @RateLimited(Limit.SEARCH)
    @APIResponse(responseCode = "200", description = "一页已认定基地", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertifiedBasePageView.class)))
    @APIResponse(responseCode = "400", description = "页码或每页条数不合法")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<CertifiedBasePageView> listCertifiedBases(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "基地名称关键字") @QueryParam("keyword") String keyword,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return certified.list(regionCode, keyword, page, size).map(CertifiedBasePageView::of);
    }

    @GET
    @Path("/public/bases/{id}")
    @PermitAll
    @Operation(summary = "Get a certified base's public page",
            description = "已认定见习基地的公开页（无需登录）：名称、区县、行业、级别及评定年度、认定日期、地址，不含联系人等个人信息；其在招岗位用公开岗位搜索的 baseId 参数查询。未认定、已撤销或不存在的基地一律返回 404。")
    @RateLimited(Limit.SEARCH)
    @APIResponse(responseCode = "200", description = "基地公开信息", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublicBaseView.class)))
    @APIResponse(responseCode = "404", description = "基地不存在或未认定")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<PublicBaseView> getPublicBase(@Parameter(description = "基地编号") @PathParam("id") long id) {
        return certified.get(id).map(PublicBaseView::of);
    }

    // ---------------------------------------------------------------- bodies

    @Schema(name = "PublicBase", description = "已认定见习基地的公开页（不含个人信息）")
    public record PublicBaseView(
            @Schema(description = "名录条目", required = true) CertifiedBaseView base,
            @Schema(description = "级别的评定年度（普通基地为空）") Integer levelYear,
            @Schema(description = "基地地址（未填写为空）") String address) {
        static PublicBaseView of(CertifiedBases.PublicBase b) {
            CertifiedBases.Entry e = b.entry();
            return new PublicBaseView(new CertifiedBaseView(e.id(), e.name(), e.regionCode(), e.regionName(), e.industry(),
                    e.level().name(), e.level().label(), e.certifiedOn()), b.levelYear(), b.address());
        }
    }

    @Schema(name = "InspectionRequest", description = "现场核查记录")
    public record InspectionRequest(
            @Schema(description = "核查日期（不晚于今天）", required = true) @NotNull(message = "请填写核查日期") LocalDate inspectedOn,
            @Schema(description = "第一核查人姓名", required = true) @NotBlank(message = "请填写第一核查人") @Size(max = 50, message = "核查人姓名不能超过 50 个字符") String inspectorOne,
            @Schema(description = "第二核查人姓名（与第一核查人不同）", required = true) @NotBlank(message = "请填写第二核查人") @Size(max = 50, message = "核查人姓名不能超过 50 个字符") String inspectorTwo,
            @Schema(description = "核查情况", required = true) @NotBlank(message = "请填写核查情况") @Size(max = 2000, message = "核查情况不能超过 2000 个字符") String findings,
            @Schema(description = "核查结论：PASSED 通过、FAILED 不通过", required = true, implementation = cq.jianxi.organization.domain.InspectionConclusion.class) @NotNull(message = "请选择核查结论") @Pattern(regexp = "PASSED|FAILED", message = "核查结论须为 PASSED 或 FAILED") String conclusion) {
    }

    @Schema(name = "FilingCorrection", description = "修改后重新提交的备案（驳回后）")
    public record FilingCorrectionRequest(
            @Schema(description = "单位名称", required = true) @NotBlank(message = "请填写单位名称") @Size(max = 200, message = "单位名称不能超过 200 个字符") String employerName,
            @Schema(description = "所属行业", required = true) @NotBlank(message = "请填写所属行业") @Size(max = 64, message = "所属行业不能超过 64 个字符") String industry,
            @Schema(description = "单位性质：STATE_OWNED、PRIVATE、FOREIGN、PUBLIC_INSTITUTION、SOCIAL_ORGANIZATION、OTHER", required = true,
                    implementation = cq.jianxi.organization.domain.Ownership.class)
            @NotNull(message = "请选择单位性质") @Pattern(regexp = "STATE_OWNED|PRIVATE|FOREIGN|PUBLIC_INSTITUTION|SOCIAL_ORGANIZATION|OTHER", message = "单位性质取值不正确") String ownership,
            @Schema(description = "所属重点企业类别代码（附件3），可为空") List<String> keyCategories,
            @Schema(description = "联系人姓名", required = true) @NotBlank(message = "请填写联系人") @Size(max = 50, message = "联系人不能超过 50 个字符") String contactName,
            @Schema(description = "联系电话（手机号或带区号的固定电话）", required = true, pattern = cq.jianxi.common.validation.Formats.PHONE) @NotNull(message = "请填写联系电话") @Pattern(regexp = PHONE, message = "联系电话应为 11 位手机号或带区号的固定电话") String contactPhone,
            @Schema(description = "单位地址") @Size(max = 200, message = "地址不能超过 200 个字符") String address) {
    }

    // ---------------------------------------------------------------- views

    @Schema(name = "BaseFile", description = "备案材料或现场核查照片")
    public record FileView(
            @Schema(description = "编号（下载：GET /api/bases/{id}/files/{fileId}）", required = true) long id,
            @Schema(description = "类型：BUSINESS_LICENCE 营业执照、WORKPLACE_PHOTO 场所照片、OTHER 其他、INSPECTION_PHOTO 现场核查照片", required = true) String kind,
            @Schema(description = "类型（中文）", required = true) String kindLabel,
            @Schema(description = "文件名", required = true) String fileName,
            @Schema(description = "内容类型（按内容识别）", required = true) String contentType,
            @Schema(description = "大小（字节）", required = true) long sizeBytes,
            @Schema(description = "上传人", required = true) String uploadedBy,
            @Schema(description = "上传时间", required = true) OffsetDateTime uploadedAt) {
        static FileView of(BaseFile f) {
            return new FileView(f.id, f.kind.name(), f.kind.label(), f.fileName, f.contentType, f.sizeBytes, f.uploadedBy, f.uploadedAt);
        }
    }

    @Schema(name = "BaseInspection", description = "现场核查记录")
    public record InspectionView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "所属提交轮次", required = true) int submissionRound,
            @Schema(description = "核查日期", required = true) LocalDate inspectedOn,
            @Schema(description = "第一核查人", required = true) String inspectorOne,
            @Schema(description = "第二核查人", required = true) String inspectorTwo,
            @Schema(description = "核查情况", required = true) String findings,
            @Schema(description = "结论：PASSED 通过、FAILED 不通过", required = true, implementation = cq.jianxi.organization.domain.InspectionConclusion.class) String conclusion,
            @Schema(description = "结论（中文）", required = true) String conclusionLabel,
            @Schema(description = "记录人", required = true) String recordedBy,
            @Schema(description = "记录时间", required = true) OffsetDateTime recordedAt,
            @Schema(description = "核查照片", required = true) List<FileView> photos) {
        static InspectionView of(BaseCertificationService.Inspection in) {
            BaseInspection i = in.inspection();
            return new InspectionView(i.id, i.submissionRound, i.inspectedOn, i.inspectorOne, i.inspectorTwo, i.findings,
                    i.conclusion.name(), i.conclusion.label(), i.recordedBy, i.recordedAt,
                    in.photos().stream().map(FileView::of).toList());
        }
    }

    @Schema(name = "BaseRejection", description = "一次驳回")
    public record RejectionView(
            @Schema(description = "被驳回的提交轮次", required = true) int submissionRound,
            @Schema(description = "驳回理由", required = true) String reason,
            @Schema(description = "驳回时间", required = true) OffsetDateTime rejectedAt,
            @Schema(description = "驳回人", required = true) String rejectedBy) {
        static RejectionView of(BaseRejection r) {
            return new RejectionView(r.submissionRound, r.reason, r.rejectedAt, r.rejectedBy);
        }
    }

    @Schema(name = "BaseCertification", description = "见习基地备案认定材料")
    public record CertificationView(
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String name,
            @Schema(description = "所在区县代码", required = true) String regionCode,
            @Schema(description = "备案状态代码", required = true, implementation = cq.jianxi.organization.domain.BaseStatus.class) String status,
            @Schema(description = "备案状态（中文）", required = true) String statusLabel,
            @Schema(description = "受理回执编号", required = true) String receiptNo,
            @Schema(description = "首次申请时间", required = true) OffsetDateTime appliedAt,
            @Schema(description = "本次提交时间", required = true) OffsetDateTime submittedAt,
            @Schema(description = "提交轮次", required = true) int submissionRound,
            @Schema(description = "本次提交的审核期限") LocalDate reviewDeadline,
            @Schema(description = "待审核且已超过审核期限", required = true) boolean overdue,
            @Schema(description = "联系人", required = true) String contactName,
            @Schema(description = "单位地址") String address,
            @Schema(description = "统一社会信用代码", required = true) String creditCode,
            @Schema(description = "申报的单位名称", required = true) String declaredName,
            @Schema(description = "申报的所属行业", required = true) String industry,
            @Schema(description = "申报的单位性质代码", required = true) String ownership,
            @Schema(description = "申报的单位性质（中文）", required = true) String ownershipLabel,
            @Schema(description = "申报的重点企业类别代码（附件3）", required = true) List<String> keyCategories,
            @Schema(description = "市场监管共享的经营状态代码", required = true) String operatingStatus,
            @Schema(description = "经营状态（中文）", required = true) String operatingStatusLabel,
            @Schema(description = "基地上传的材料", required = true) List<FileView> documents,
            @Schema(description = "现场核查记录，最近的在前", required = true) List<InspectionView> inspections,
            @Schema(description = "历次驳回，最早的在前", required = true) List<RejectionView> rejections,
            @Schema(description = "本次提交是否已有结论为通过的最近一次现场核查（可以审核通过）", required = true) boolean inspectionPassed) {
        static CertificationView of(BaseCertificationService.Dossier d) {
            var b = d.base();
            var e = d.employer();
            var declared = d.declared();
            List<InspectionView> inspections = d.inspections().stream().map(InspectionView::of).toList();
            boolean passed = inspections.stream().filter(i -> i.submissionRound() == b.submissionRound).findFirst()
                    .map(i -> "PASSED".equals(i.conclusion())).orElse(false);
            return new CertificationView(b.id, b.name, b.regionCode, b.status.name(), b.status.label(), b.receiptNo,
                    b.appliedAt, b.submittedAt, b.submissionRound, b.reviewDeadline, d.overdue(), b.contactName, b.address,
                    e.creditCode, declared.employerName(), declared.industry(), declared.ownership().name(),
                    declared.ownership().label(), declared.keyCategories(), e.operatingStatus.name(), e.operatingStatus.label(),
                    d.documents().stream().map(FileView::of).toList(), inspections,
                    d.rejections().stream().map(RejectionView::of).toList(), passed);
        }
    }

    @Schema(name = "CertifiedBase", description = "已认定见习基地（公开名录条目，不含个人信息）")
    public record CertifiedBaseView(
            @Schema(description = "基地编号", required = true) long id,
            @Schema(description = "基地名称", required = true) String name,
            @Schema(description = "所在区县代码", required = true) String regionCode,
            @Schema(description = "所在区县", required = true) String regionName,
            @Schema(description = "所属行业", required = true) String industry,
            @Schema(description = "基地级别代码：ORDINARY、DISTRICT、CITY、NATIONAL", required = true) String level,
            @Schema(description = "基地级别（中文）", required = true) String levelLabel,
            @Schema(description = "认定日期（审核通过日）") LocalDate certifiedOn) {
    }

    @Schema(name = "CertifiedBasePage", description = "已认定见习基地名录分页结果")
    public record CertifiedBasePageView(
            @Schema(description = "本页条目", required = true) List<CertifiedBaseView> items,
            @Schema(description = "总条数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static CertifiedBasePageView of(CertifiedBases.Page p) {
            return new CertifiedBasePageView(p.items().stream().map(e -> new CertifiedBaseView(e.id(), e.name(), e.regionCode(),
                    e.regionName(), e.industry(), e.level().name(), e.level().label(), e.certifiedOn())).toList(),
                    p.total(), p.page(), p.size());
        }
    }
}
