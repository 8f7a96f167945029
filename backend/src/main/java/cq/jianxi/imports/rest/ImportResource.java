package cq.jianxi.imports.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.common.web.Uploads;
import cq.jianxi.imports.domain.ImportBatch;
import cq.jianxi.imports.service.ImportBatches;
import cq.jianxi.imports.service.ImportService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.OffsetDateTime;
import java.util.List;

/** Uploads of shared data and their batches with per-row reports. */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "数据共享")
@Authenticated
public class ImportResource {

    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    @Inject
    ImportService imports;

    @Inject
    ImportBatches batches;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/graduates")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the graduate roster",
            description = "市教委（或市人社局）上传高校毕业生名单（xlsx 或 CSV；列：学校、姓名、身份证号、学历、专业、毕业日期、毕业去向、见习意愿、培训意愿）。列不符合要求整份拒绝（422）；否则返回处理中的批次，后台流式处理：有效行按身份证号新建或更新登记记录，错误行逐行报告，其余照常导入；同一文件重复导入第二次不改变任何数据；中途失败不留下任何写入。")
    @APIResponse(responseCode = "202", description = "已接收，后台处理中；轮询批次查看进度", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    public Uni<Response> importGraduates(@RestForm("file") FileUpload file) {
        return start(ImportBatches.ROSTER, file);
    }

    @POST
    @Path("/enterprise-status")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload enterprise operating status",
            description = "市人社局上传市场监管共享的企业经营状态（列：统一社会信用代码、经营状态（存续/在业/吊销/注销/迁出）、日期），更新用人单位；吊销、注销单位的基地随即不能发布岗位。")
    @APIResponse(responseCode = "202", description = "已接收，后台处理中；轮询批次查看进度", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    public Uni<Response> importEnterpriseStatus(@RestForm("file") FileUpload file) {
        return start(ImportBatches.ENTERPRISE_STATUS, file);
    }

    private Uni<Response> start(String kind, FileUpload file) {
        java.nio.file.Path upload = Uploads.checked(file, MAX_UPLOAD_BYTES);
        return imports.start(callers.current(), kind, file.fileName(), upload)
                .map(b -> Response.status(202).entity(view(b)).build());
    }

    @GET
    @Operation(summary = "List import batches", description = "导入批次，最新的在前，分页并给出总数。市人社局看全部；市教委看毕业生名单批次。")
    public Uni<BatchPage> listImports(
            @Parameter(description = "GRADUATE_ROSTER 或 ENTERPRISE_STATUS", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"GRADUATE_ROSTER", "ENTERPRISE_STATUS"})) @jakarta.validation.constraints.Pattern(regexp = "^(GRADUATE_ROSTER|ENTERPRISE_STATUS)$", message = "导入类型须为 GRADUATE_ROSTER 或 ENTERPRISE_STATUS") @QueryParam("kind") String kind,
            @Parameter(description = "页码，从 0 开始") @jakarta.validation.constraints.Min(value = 0, message = "页码不能为负数") @jakarta.validation.constraints.Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数（1–100）") @jakarta.validation.constraints.Min(value = 1, message = "每页条数须在 1 到 100 之间") @jakarta.validation.constraints.Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return batches.list(callers.current(), kind, page, size)
                .map(p -> new BatchPage(p.items().stream().map(ImportResource::view).toList(), p.total(), p.page(), p.size()));
    }

    @GET
    @Path("/{batchId}")
    @Operation(summary = "Get an import batch", description = "导入批次的状态、进度与计数（新建、更新、未变化、错误行）。处理中时 totalRows 为已处理行数。")
    public Uni<BatchView> getImport(@PathParam("batchId") long batchId) {
        return batches.get(callers.current(), batchId).map(ImportResource::view);
    }

    @GET
    @Path("/{batchId}/errors")
    @Produces("text/csv")
    @Operation(summary = "Download the row report", description = "下载导入批次的逐行错误报告（CSV：行号、字段、原因）。")
    public Uni<Response> downloadImportErrors(@PathParam("batchId") long batchId) {
        return batches.rowErrors(callers.current(), batchId).map(rows -> {
            StringBuilder csv = new StringBuilder("\uFEFF行号,字段,原因\n");
            for (var r : rows) {
                csv.append(r.row()).append(',').append(r.field()).append(",\"")
                        .append(r.reason().replace("\"", "\"\"")).append("\"\n");
            }
            return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"import-" + batchId + "-errors.csv\"")
                    .build();
        });
    }

    private static BatchView view(ImportBatch b) {
        return new BatchView(b.id, b.kind, b.fileName, b.source, b.uploadedBy, b.status, b.totalRows, b.createdRows,
                b.updatedRows, b.unchangedRows, b.errorRows, b.failure, b.startedAt, b.finishedAt);
    }

    @Schema(name = "ImportBatchPage", description = "一页导入批次")
    public record BatchPage(
            @Schema(description = "本页批次", required = true) List<BatchView> items,
            @Schema(description = "符合条件的批次总数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    @Schema(name = "ImportBatch", description = "导入批次")
    public record BatchView(
            @Schema(description = "批次编号", required = true) long id,
            @Schema(description = "类型：GRADUATE_ROSTER 毕业生名单、ENTERPRISE_STATUS 企业经营状态", required = true) String kind,
            @Schema(description = "文件名", required = true) String fileName,
            @Schema(description = "数据来源（部门代码或角色）", required = true) String source,
            @Schema(description = "上传人", required = true) String uploadedBy,
            @Schema(description = "状态：PROCESSING 处理中、COMPLETED 完成、FAILED 失败（未写入任何数据）", required = true) String status,
            @Schema(description = "数据行数（处理中为已处理行数）", required = true) int totalRows,
            @Schema(description = "新建记录数", required = true) int createdRows,
            @Schema(description = "更新记录数", required = true) int updatedRows,
            @Schema(description = "未变化记录数", required = true) int unchangedRows,
            @Schema(description = "错误行数", required = true) int errorRows,
            @Schema(description = "失败原因") String failure,
            @Schema(description = "开始时间", required = true) OffsetDateTime startedAt,
            @Schema(description = "完成时间") OffsetDateTime finishedAt) {
    }
}
