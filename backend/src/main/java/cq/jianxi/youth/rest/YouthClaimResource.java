package cq.jianxi.youth.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.youth.domain.ClaimStatus;
import cq.jianxi.youth.service.YouthClaims;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** Roster claims the district confirms: list, reveal phones to call, confirm, reject. */
@Path("/api/youth/claims")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "青年实名登记")
public class YouthClaimResource {

    @Inject
    YouthClaims claims;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "Page roster claims",
            description = "待区县核实的实名认领：注册人的身份证号在教育部门共享名单中，但手机号或姓名与名单不一致。区县管理员只看本区县，市人社局管理员看全部；其他角色 403。手机号已遮蔽。")
    @APIResponse(responseCode = "200", description = "一页认领申请")
    @APIResponse(responseCode = "403", description = "无权处理认领")
    public Uni<ClaimPage> searchYouthClaims(
            @Parameter(description = "按状态过滤") @QueryParam("status") ClaimStatus status,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return claims.search(callers.current(), status, page, size)
                .map(p -> new ClaimPage(p.items().stream().map(ClaimView::of).toList(), p.total(), p.page(), p.size()));
    }

    @GET
    @Path("/{id}/contact")
    @Operation(summary = "Reveal a claim's phones",
            description = "显示名单登记手机号和注册人手机号的完整号码，供区县电话核实；每次查看记入审计日志。")
    @APIResponse(responseCode = "200", description = "认领申请（完整手机号）")
    @APIResponse(responseCode = "404", description = "不存在或不在本区县")
    public Uni<ClaimView> revealYouthClaim(@PathParam("id") long id) {
        return claims.reveal(callers.current(), id).map(ClaimView::of);
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a roster claim",
            description = "核实通过：注册人填写的信息写入名单记录并开通青年账户，短信通知注册人。")
    @APIResponse(responseCode = "200", description = "已确认")
    @APIResponse(responseCode = "404", description = "不存在或不在本区县")
    @APIResponse(responseCode = "409", description = "已处理，或该记录已有账户")
    public Uni<ClaimView> confirmYouthClaim(@PathParam("id") long id, @Valid Decision decision) {
        return claims.confirm(callers.current(), id, decision == null ? null : decision.note()).map(ClaimView::of);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a roster claim", description = "核实不通过（须填理由），名单记录不变，短信通知注册人。")
    @APIResponse(responseCode = "200", description = "已驳回")
    @APIResponse(responseCode = "400", description = "未填理由（字段 note）")
    @APIResponse(responseCode = "404", description = "不存在或不在本区县")
    @APIResponse(responseCode = "409", description = "已处理")
    public Uni<ClaimView> rejectYouthClaim(@PathParam("id") long id, @Valid Decision decision) {
        return claims.reject(callers.current(), id, decision == null ? null : decision.note()).map(ClaimView::of);
    }

    @Schema(name = "ClaimDecision", description = "核实意见")
    public record Decision(@Schema(description = "说明（驳回时必填，最多 200 字）", nullable = true) @Size(max = 200, message = "最多 200 字") String note) {
    }

    @Schema(name = "YouthClaim", description = "一条实名认领申请：名单记录与注册人填写的信息对照")
    public record ClaimView(
            @Schema(description = "认领申请编号", required = true) long id,
            @Schema(description = "名单记录编号", required = true) long youthId,
            @Schema(description = "负责核实的区县", nullable = true) String regionCode,
            @Schema(description = "状态", required = true) ClaimStatus status,
            @Schema(description = "名单中的姓名", required = true) String rosterName,
            @Schema(description = "注册人填写的姓名", required = true) String claimedName,
            @Schema(description = "身份证号（遮蔽）", required = true) String idNumberMasked,
            @Schema(description = "名单登记的手机号（列表中遮蔽）", nullable = true) String rosterPhone,
            @Schema(description = "注册人已验证的手机号（列表中遮蔽）", required = true) String claimedPhone,
            @Schema(description = "注册人填写的学校", nullable = true) String claimedSchool,
            @Schema(description = "注册人填写的专业", nullable = true) String claimedMajor,
            @Schema(description = "申请的用户名", required = true) String username,
            @Schema(description = "提交时间", required = true) OffsetDateTime submittedAt,
            @Schema(description = "处理时间", nullable = true) OffsetDateTime decidedAt,
            @Schema(description = "处理说明", nullable = true) String decisionNote) {
        static ClaimView of(YouthClaims.Claim c) {
            return new ClaimView(c.id(), c.youthId(), c.regionCode(), c.status(), c.rosterName(), c.claimedName(),
                    c.idNumberMasked(), c.rosterPhone(), c.claimedPhone(), c.claimedSchool(), c.claimedMajor(), c.username(),
                    c.submittedAt(), c.decidedAt(), c.decisionNote());
        }
    }

    @Schema(name = "YouthClaimPage", description = "实名认领分页结果")
    public record ClaimPage(@Schema(description = "本页认领申请", required = true) List<ClaimView> items,
                            @Schema(description = "符合条件的总条数", required = true) long total,
                            @Schema(description = "页码，从 0 开始", required = true) int page,
                            @Schema(description = "每页条数", required = true) int size) {
    }
}
