package cq.jianxi.audit.rest;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.domain.AuditEvent;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** The audit log, readable by the city HR bureau only. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "审计")
@Authenticated
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Page the audit log",
            description = "分页查询审计日志（登录成功/失败、所有写操作、查看完整个人信息），按时间倒序。仅市人社局管理员可用；其他角色返回 403。")
    public Uni<AuditPage> searchAudit(
            @Parameter(description = "页码，从 0 开始") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "按动作过滤，如 LOGIN_FAILED") @QueryParam("action") String action,
            @Parameter(description = "按操作人用户名过滤") @QueryParam("actor") String actor,
            @Parameter(description = "起始时间（含），ISO-8601") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "截止时间（不含），ISO-8601") @QueryParam("to") OffsetDateTime to) {
        return audit.search(callers.current(), action, actor, from, to, page, size)
                .map(p -> new AuditPage(p.items().stream().map(AuditEntry::of).toList(), p.total(), p.page(), p.size()));
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
            String label;
            try {
                label = AuditAction.valueOf(e.action).label();
            } catch (IllegalArgumentException unknown) {
                label = e.action;
            }
            return new AuditEntry(e.id, e.at, e.actorUsername, e.actorRole, e.action, label,
                    e.targetType, e.targetId, e.detail, e.ip);
        }
    }

}
