package cq.jianxi.history.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.history.service.HistoryImportService;
import cq.jianxi.history.service.HistoryTemplate;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** Go-live import of a district's records from the previous 见习系统. */
@Path("/api/history-imports")
@Tag(name = "历史数据导入")
@Authenticated
public class HistoryImportResource {

    static final long MAX_BYTES = 20L * 1024 * 1024;

    @Inject
    HistoryImportService imports;
    @Inject
    CallerProvider callers;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Import a district's history",
            description = "区县（或市）人社局上线时导入原见习系统的记录：xlsx 模板的“见习基地”“见习岗位”“见习人员”“补贴拨付”四张表，"
                    + "或一张表的 CSV（sheet 指明哪张表）。逐行按与平台业务相同的规则校验，任何一行有问题整份不导入（422，逐行列出）；"
                    + "导入的记录标记为历史导入并写入审计日志；同一文件再次导入不改变任何记录（逐行报告“未变”），与已导入内容不同的行被拒绝。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "已导入（或全部未变），逐行结果",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @Schema(implementation = ResultView.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "422",
            description = "文件有问题，未导入任何记录；violations 逐行列出（row、column）",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem")))
    public Uni<ResultView> importHistory(
            @RestForm("file") @Schema(description = "xlsx 或 CSV 文件", required = true) FileUpload file,
            @RestForm("regionCode") @Schema(description = "区县代码", required = true) String regionCode,
            @RestForm("sheet") @Schema(description = "CSV 时必填：BASES、POSITIONS、INTERNSHIPS 或 DISBURSEMENTS",
                    enumeration = {"BASES", "POSITIONS", "INTERNSHIPS", "DISBURSEMENTS"}) String sheet) {
        if (file == null) {
            throw ApiProblem.invalidField("file", "请上传文件");
        }
        if (file.size() > MAX_BYTES) {
            throw ApiProblem.invalidField("file", "文件过大（上限 20 MB）");
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase();
        if (name.endsWith(".csv") && (sheet == null || sheet.isBlank())) {
            throw ApiProblem.invalidField("sheet", "CSV 文件须指明是哪张表（sheet）");
        }
        return imports.importFile(callers.current(), regionCode, file.fileName(), file.uploadedFile(), sheet).map(ResultView::of);
    }

    @GET
    @Path("/template")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Download the history template", description = "下载历史数据导入模板（四张表，带星号的列必填，每张表一行示例，导入前请删除示例行）。")
    public Response downloadHistoryTemplate() {
        callers.current().requireRole(cq.jianxi.common.security.Role.DISTRICT_ADMIN, cq.jianxi.common.security.Role.CITY_ADMIN);
        return Response.ok(HistoryTemplate.workbook())
                .header("Content-Disposition", "attachment; filename=\"history-template.xlsx\"; filename*=UTF-8''"
                        + java.net.URLEncoder.encode("历史数据导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8))
                .build();
    }

    @Schema(name = "HistoryImportRow", description = "一行的导入结果")
    public record RowView(
            @Schema(description = "表名", required = true) String sheet,
            @Schema(description = "行号", required = true) int row,
            @Schema(description = "CREATED 新增、UNCHANGED 已导入且内容相同", required = true, enumeration = {"CREATED", "UNCHANGED"}) String outcome,
            @Schema(description = "平台上的记录编号", required = true) long targetId) {
    }

    @Schema(name = "HistoryImportResult", description = "历史数据导入结果（逐行）")
    public record ResultView(
            @Schema(description = "导入批次编号（没有新增记录时为空）") Long importId,
            @Schema(description = "新增行数", required = true) int created,
            @Schema(description = "未变行数", required = true) int unchanged,
            @Schema(description = "逐行结果", required = true) List<RowView> rows) {
        static ResultView of(HistoryImportService.Result r) {
            return new ResultView(r.importId(), r.created(), r.unchanged(),
                    r.rows().stream().map(x -> new RowView(x.sheet(), x.row(), x.outcome(), x.targetId())).toList());
        }
    }
}
