package cq.jianxi.audit.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.domain.AuditEvent;
import cq.jianxi.audit.domain.ChainVerifier;
import cq.jianxi.audit.service.AuditExport;
import cq.jianxi.audit.service.AuditIntegrity;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.security.CallerProvider;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestMulti;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The audit log, readable, verifiable and exportable by the city HR bureau only. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审计")
@Authenticated
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    AuditIntegrity integrity;

    @Inject
    AuditExport exports;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Page the audit log",
            description = "分页查询审计日志（登录成功/失败、所有写操作、查看完整个人信息），按时间倒序。仅市人社局管理员可用；其他角色返回 403。")
    public Uni<AuditPage> searchAudit(
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @Min(value = 1, message = "每页条数须在 1 到 200 之间") @Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "按动作过滤，如 LOGIN_FAILED") @QueryParam("action") String action,
            @Parameter(description = "按操作人用户名过滤") @QueryParam("actor") String actor,
            @Parameter(description = "起始时间（含），ISO-8601") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "截止时间（不含），ISO-8601") @QueryParam("to") OffsetDateTime to) {
        return audit.search(callers.current(), action, actor, from, to, page, size)
                .map(p -> new AuditPage(p.items().stream().map(AuditEntry::of).toList(), p.total(), p.page(), p.size()));
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Verify the audit chain",
            description = "校验审计日志哈希链的完整性：从锚点（创世或最后一次按保存期限清理的记录）逐条核对到校验开始时的链头，"
                    + "每条记录的哈希须等于其字段与前一条哈希的 SHA-256，序号须连续。返回第一条不符的记录及原因。仅市人社局管理员可用；校验本身记入审计日志。")
    @APIResponse(responseCode = "200", description = "校验结果（intact=false 时 broken 指出第一条不符的记录）",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    public Uni<VerificationView> verifyAudit() {
        return integrity.verify(callers.current()).map(VerificationView::of);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "Export the audit log as CSV",
            description = "按条件（同查询：动作、操作人、时间范围）导出审计日志 CSV（UTF-8 带 BOM），按序号升序流式输出，不截断：导出开始时链头之前所有符合条件的记录全部写出，"
                    + "条数在响应头 X-Total-Count 中。每行含序号和前后哈希，可与哈希链核对；以 = + - @ 开头的文本前加单引号防公式注入。仅市人社局管理员可用；导出本身先记入审计日志。")
    @APIResponse(responseCode = "200", description = "CSV 文件",
            headers = @Header(name = "X-Total-Count", description = "文件中的记录条数", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "时间范围不合法（字段 to）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "非市人社局管理员")
    public RestMulti<byte[]> exportAudit(
            @Parameter(description = "按动作过滤，如 LOGIN_FAILED") @QueryParam("action") String action,
            @Parameter(description = "按操作人用户名过滤") @QueryParam("actor") String actor,
            @Parameter(description = "起始时间（含），ISO-8601") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "截止时间（不含），ISO-8601") @QueryParam("to") OffsetDateTime to) {
        return RestMulti.fromUniResponse(exports.export(callers.current(), new AuditExport.Filter(action, actor, from, to)),
                AuditExport.Export::body,
                e -> Map.of("Content-Disposition", List.of("attachment; filename=\"" + e.fileName() + "\""),
                        "X-Total-Count", List.of(Long.toString(e.rows()))));
    }

    /** The outcome of a chain verification. */
    @Schema(name = "AuditVerification", description = "审计日志完整性校验结果")
    public record VerificationView(
            @Schema(description = "哈希链是否完整", required = true) boolean intact,
            @Schema(description = "已核对的记录条数", required = true) long checkedRows,
            @Schema(description = "锚点序号：0 为创世，否则为最后一条已按保存期限清理的记录", required = true) long anchorSeq,
            @Schema(description = "校验开始时的链头序号（最后一条记录）", required = true) long headSeq,
            @Schema(description = "校验时间", required = true) OffsetDateTime verifiedAt,
            @Schema(description = "审计日志保存期限（天），不少于 180 天", required = true) long retentionDays,
            @Schema(description = "第一条不符的记录；完整时为空") BreakView broken) {

        static VerificationView of(AuditIntegrity.Verification v) {
            ChainVerifier.Result r = v.result();
            ChainVerifier.Break b = r.broken();
            return new VerificationView(r.intact(), r.checkedRows(), r.anchorSeq(), r.headSeq(), v.verifiedAt(), v.retentionDays(),
                    b == null ? null : new BreakView(b.seq(), b.id(), b.at(), b.problem(), b.problem().label()));
        }
    }

    /** Where the chain breaks. */
    @Schema(name = "AuditChainBreak", description = "哈希链中第一条不符的记录")
    public record BreakView(
            @Schema(description = "序号", required = true) long seq,
            @Schema(description = "记录编号（记录已缺失时为空）") Long id,
            @Schema(description = "记录时间（记录已缺失时为空）") OffsetDateTime at,
            @Schema(description = "问题：HASH_MISMATCH 内容被修改；LINK_BROKEN 与前一条不衔接；ROW_MISSING 记录缺失；HEAD_MISMATCH 末尾与链头不符", required = true)
            ChainVerifier.Problem problem,
            @Schema(description = "问题的中文说明", required = true) String message) {
    }

    /** One page of audit entries. */
    @Schema(name = "AuditPage", description = "审计日志分页结果")
    public record AuditPage(
            @Schema(description = "本页条目", required = true) List<AuditEntry> items,
            @Schema(description = "符合条件的总条数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
    }

    /** One audit entry. */
    @Schema(name = "AuditEntry", description = "一条审计记录")
    public record AuditEntry(
            @Schema(description = "记录编号", required = true) long id,
            @Schema(description = "发生时间", required = true) OffsetDateTime at,
            @Schema(description = "操作人用户名（匿名失败登录时为尝试的用户名）") String actorUsername,
            @Schema(description = "操作人角色") String actorRole,
            @Schema(description = "动作代码", required = true) String action,
            @Schema(description = "动作中文名称", required = true) String actionLabel,
            @Schema(description = "对象类型，如 plan、user") String targetType,
            @Schema(description = "对象标识") String targetId,
            @Schema(description = "补充说明") String detail,
            @Schema(description = "来源 IP 地址") String ip) {

        static AuditEntry of(AuditEvent e) {
            return new AuditEntry(e.id, e.at, e.actorUsername, e.actorRole, e.action, AuditAction.labelOf(e.action),
                    e.targetType, e.targetId, e.detail, e.ip);
        }
    }

}
