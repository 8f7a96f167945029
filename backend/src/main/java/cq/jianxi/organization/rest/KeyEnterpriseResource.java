package cq.jianxi.organization.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.organization.service.KeyEnterpriseService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cq.jianxi.common.web.Uploads;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.time.OffsetDateTime;
import java.util.List;

/** The key-enterprise list (重点企业名单, Annex 3) and its filing coverage. */
@Path("/api/key-enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习基地")
@Authenticated
public class KeyEnterpriseResource {

    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    @Inject
    KeyEnterpriseService service;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the key-enterprise list",
            description = "区县管理员（仅本区县）或市人社局管理员上传重点企业名单（xlsx 或 CSV，列：区县、类别、企业名称、统一社会信用代码）。按信用代码与用人单位匹配；任何一行有误则整份拒绝（422）。重复上传同一企业同一类别只更新不重复。")
    public Uni<ImportResultView> importKeyEnterprises(@RestForm("file") FileUpload file) {
        var caller = callers.current();
        return service.importList(caller, Uploads.checked(file, MAX_UPLOAD_BYTES))
                .map(r -> new ImportResultView(r.rows(), r.added(), r.matchedEmployers()));
    }

    @GET
    @Operation(summary = "Key-enterprise coverage",
            description = "名单中的重点企业及其备案情况（未申请、待审核、已备案）。filed=false 只看尚未备案为见习基地的企业。区县管理员只看本区县。")
    public Uni<List<KeyEnterpriseView>> listKeyEnterprises(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "true 只看已备案，false 只看未备案") @QueryParam("filed") Boolean filed) {
        return service.coverage(callers.current(), regionCode == null || regionCode.isBlank() ? null : regionCode.trim(), filed)
                .map(list -> list.stream().map(c -> new KeyEnterpriseView(c.entry().id, c.entry().regionCode,
                        c.regionName(), c.entry().categoryCode, c.categoryName(), c.entry().employerName,
                        c.entry().creditCode, c.employerId(), c.baseId(), c.baseStatus(), c.entry().uploadedBy,
                        c.entry().uploadedAt)).toList());
    }

    @Schema(name = "KeyEnterpriseImportResult", description = "重点企业名单导入结果")
    public record ImportResultView(
            @Schema(description = "文件中的数据行数", required = true) int rows,
            @Schema(description = "新增的名单条目数", required = true) int added,
            @Schema(description = "与已登记用人单位匹配（写入重点企业类别）的条目数", required = true) int matchedEmployers) {
    }

    @Schema(name = "KeyEnterprise", description = "重点企业名单条目及其备案情况")
    public record KeyEnterpriseView(
            @Schema(description = "条目编号", required = true) long id,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "类别代码", required = true) String categoryCode,
            @Schema(description = "类别名称", required = true) String categoryName,
            @Schema(description = "企业名称", required = true) String employerName,
            @Schema(description = "统一社会信用代码", required = true) String creditCode,
            @Schema(description = "已登记的用人单位编号（未登记为空）") Long employerId,
            @Schema(description = "见习基地编号（未申请为空）") Long baseId,
            @Schema(description = "备案状态：PENDING 待审核、APPROVED 已备案；未申请为空") String baseStatus,
            @Schema(description = "上传人", required = true) String uploadedBy,
            @Schema(description = "上传时间", required = true) OffsetDateTime uploadedAt) {
    }
}
