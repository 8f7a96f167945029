package cq.jianxi.notification.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.notification.domain.Notification;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
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

import java.time.OffsetDateTime;
import java.util.List;

/** In-app notifications of young people, bases, district admins (their region's) and city admins. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "站内通知")
@Authenticated
public class NotificationResource {

    private static final String WHOSE = "青年看本人的，见习基地看本基地的，区县管理员看本区县的（区县的管理员共用），市人社局管理员看全市的；市级部门没有站内通知（403）。";

    @Inject
    NotificationService notifications;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "My notifications",
            description = "本人的站内通知，最新的在前，分页，附总条数和未读条数；可只看未读。" + WHOSE)
    @APIResponse(responseCode = "200", description = "一页通知", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NotificationPage.class)))
    @APIResponse(responseCode = "400", description = "分页参数不合法（字段 page、size）")
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "市级部门用户")
    public Uni<NotificationPage> listNotifications(
            @Parameter(description = "只看未读") @QueryParam("unread") @DefaultValue("false") boolean unread,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–100") @Min(value = 1, message = "每页条数须在 1 到 100 之间") @Max(value = 100, message = "每页条数须在 1 到 100 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return notifications.mine(callers.current(), unread, page, size).map(NotificationPage::of);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "Number of my unread notifications", description = "本人未读站内通知的条数（通知铃铛的角标）。" + WHOSE)
    @APIResponse(responseCode = "200", description = "未读条数", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnreadCount.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "市级部门用户")
    public Uni<UnreadCount> countUnreadNotifications() {
        return notifications.unreadCount(callers.current()).map(UnreadCount::new);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification read",
            description = "将一条本人的通知标为已读（已读的保持原已读时间）。别人的通知对本人不存在（404）。" + WHOSE)
    @APIResponse(responseCode = "200", description = "已读的通知", content = @Content(mediaType = "application/json", schema = @Schema(implementation = NotificationView.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "市级部门用户")
    @APIResponse(responseCode = "404", description = "通知不存在或不是本人的")
    public Uni<NotificationView> markNotificationRead(@Parameter(description = "通知编号") @PathParam("id") long id) {
        return notifications.markRead(callers.current(), id).map(NotificationView::of);
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Mark all my notifications read", description = "将本人全部未读通知标为已读，返回标记的条数。" + WHOSE)
    @APIResponse(responseCode = "200", description = "已全部标为已读", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MarkedRead.class)))
    @APIResponse(responseCode = "401", description = "未登录")
    @APIResponse(responseCode = "403", description = "市级部门用户")
    public Uni<MarkedRead> markAllNotificationsRead() {
        return notifications.markAllRead(callers.current()).map(MarkedRead::new);
    }

    @Schema(name = "Notification", description = "站内通知")
    public record NotificationView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "通知的事由（状态变化的种类）", required = true) NotificationKind kind,
            @Schema(description = "事由的中文名称", required = true) String kindLabel,
            @Schema(description = "标题", required = true) String title,
            @Schema(description = "内容", required = true) String body,
            @Schema(description = "相关页面链接（站内路径）") String link,
            @Schema(description = "时间", required = true) OffsetDateTime createdAt,
            @Schema(description = "已读时间（未读为空）") OffsetDateTime readAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.kind, n.kind.label(), n.title, n.body, n.link, n.createdAt, n.readAt);
        }
    }

    @Schema(name = "NotificationPage", description = "站内通知分页")
    public record NotificationPage(
            @Schema(description = "本页通知", required = true) List<NotificationView> items,
            @Schema(description = "总条数（只看未读时为未读的总条数）", required = true) long total,
            @Schema(description = "未读条数", required = true) long unread,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static NotificationPage of(NotificationService.Page p) {
            return new NotificationPage(p.items().stream().map(NotificationView::of).toList(), p.total(), p.unread(), p.page(), p.size());
        }
    }

    @Schema(name = "NotificationUnreadCount", description = "未读通知条数")
    public record UnreadCount(@Schema(description = "未读条数", required = true) long unread) {
    }

    @Schema(name = "NotificationsMarkedRead", description = "全部标为已读的结果")
    public record MarkedRead(@Schema(description = "本次标为已读的条数", required = true) int marked) {
    }
}
