package cq.jianxi.imports.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.common.security.Role;
import cq.jianxi.imports.service.ImportService;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
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
    CallerProvider callers;

    @Inject
    Pool pool;

    @POST
    @Path("/graduates")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Upload the graduate roster",
            description = "市教委（或市人社局）上传高校毕业生名单（xlsx 或 CSV；列：学校、姓名、身份证号、学历、专业、毕业日期、毕业去向、见习意愿、培训意愿）。列不符合要求整份拒绝（422）；否则返回处理中的批次，后台流式处理：有效行按身份证号新建或更新登记记录，错误行逐行报告，其余照常导入；同一文件重复导入第二次不改变任何数据；中途失败不留下任何写入。")
    @APIResponse(responseCode = "202", description = "已接收，后台处理中；轮询批次查看进度", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    public Response importGraduates(@RestForm("file") FileUpload file) {
        return start(ImportService.ROSTER, file);
    }

    @POST
    @Path("/enterprise-status")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    @Operation(summary = "Upload enterprise operating status",
            description = "市人社局上传市场监管共享的企业经营状态（列：统一社会信用代码、经营状态（存续/在业/吊销/注销/迁出）、日期），更新用人单位；吊销、注销单位的基地随即不能发布岗位。")
    @APIResponse(responseCode = "202", description = "已接收，后台处理中；轮询批次查看进度", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    public Response importEnterpriseStatus(@RestForm("file") FileUpload file) {
        return start(ImportService.ENTERPRISE_STATUS, file);
    }

    private Response start(String kind, FileUpload file) {
        Caller caller = callers.current();
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        if (file.size() > MAX_UPLOAD_BYTES) {
            throw ApiProblem.invalidField("file", "文件过大（上限 50 MB）");
        }
        long id = imports.start(caller, kind, file.fileName(), file.uploadedFile());
        return Response.status(202).entity(load(id).await().indefinitely()).build();
    }

    @GET
    @Operation(summary = "List import batches", description = "最近的导入批次（最多 100 个）。市人社局看全部；市教委看毕业生名单批次。")
    public Uni<List<BatchView>> listImports(@Parameter(description = "GRADUATE_ROSTER 或 ENTERPRISE_STATUS") @QueryParam("kind") String kind) {
        Caller caller = callers.current();
        String only = visibleKind(caller);
        String filter = only != null ? only : (kind == null || kind.isBlank() ? null : kind.trim());
        return pool.preparedQuery("select * from import_batch where $1::varchar is null or kind = $1 order by id desc limit 100")
                .execute(Tuple.of(filter)).map(rows -> {
                    List<BatchView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(view(r)));
                    return list;
                });
    }

    @GET
    @Path("/{batchId}")
    @Operation(summary = "Get an import batch", description = "导入批次的状态、进度与计数（新建、更新、未变化、错误行）。处理中时 totalRows 为已处理行数。")
    public Uni<BatchView> getImport(@PathParam("batchId") long batchId) {
        Caller caller = callers.current();
        String only = visibleKind(caller);
        return load(batchId).map(b -> {
            if (only != null && !only.equals(b.kind())) {
                throw ApiProblem.forbidden("无权查看该导入批次");
            }
            return b;
        });
    }

    @GET
    @Path("/{batchId}/errors")
    @Produces("text/csv")
    @Operation(summary = "Download the row report", description = "下载导入批次的逐行错误报告（CSV：行号、字段、原因）。")
    public Uni<Response> downloadImportErrors(@PathParam("batchId") long batchId) {
        return getImport(batchId).flatMap(b -> pool.preparedQuery(
                        "select row_no, field, reason from import_row_error where batch_id = $1 order by row_no, field")
                .execute(Tuple.of(batchId)).map(rows -> {
                    StringBuilder csv = new StringBuilder("\uFEFF行号,字段,原因\n");
                    for (Row r : rows) {
                        csv.append(r.getInteger(0)).append(',').append(r.getString(1)).append(",\"")
                                .append(r.getString(2).replace("\"", "\"\"")).append("\"\n");
                    }
                    return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"import-" + batchId + "-errors.csv\"")
                            .build();
                }));
    }

    private static String visibleKind(Caller caller) {
        if (caller.is(Role.CITY_ADMIN)) {
            return null;
        }
        if (caller.is(Role.DEPARTMENT) && "JW".equals(caller.departmentCode())) {
            return ImportService.ROSTER;
        }
        throw ApiProblem.forbidden("无权查看导入批次");
    }

    private Uni<BatchView> load(long id) {
        return pool.preparedQuery("select * from import_batch where id = $1").execute(Tuple.of(id)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ApiProblem.notFound("导入批次不存在");
            }
            return view(rows.iterator().next());
        });
    }

    private static BatchView view(Row r) {
        return new BatchView(r.getLong("id"), r.getString("kind"), r.getString("file_name"), r.getString("source"),
                r.getString("uploaded_by"), r.getString("status"), r.getInteger("total_rows"), r.getInteger("created_rows"),
                r.getInteger("updated_rows"), r.getInteger("unchanged_rows"), r.getInteger("error_rows"),
                r.getString("failure"), r.getOffsetDateTime("started_at"), r.getOffsetDateTime("finished_at"));
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
