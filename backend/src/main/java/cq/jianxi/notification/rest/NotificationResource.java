package cq.jianxi.notification.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.notification.domain.Notification;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** In-app notifications of young people and bases. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "站内通知")
@Authenticated
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "My notifications", description = "青年或见习基地的站内通知（最新 100 条），可只看未读。")
    public Uni<List<NotificationView>> listNotifications(@QueryParam("unread") @DefaultValue("false") boolean unread) {
        return notifications.mine(callers.current(), unread).map(list -> list.stream().map(NotificationView::of).toList());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark a notification read", description = "将一条本人的通知标为已读。")
    public Uni<NotificationView> markNotificationRead(@PathParam("id") long id) {
        return notifications.markRead(callers.current(), id).map(NotificationView::of);
    }

    @Schema(name = "Notification", description = "站内通知")
    public record NotificationView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "标题", required = true) String title,
            @Schema(description = "内容", required = true) String body,
            @Schema(description = "相关页面链接") String link,
            @Schema(description = "时间", required = true) OffsetDateTime createdAt,
            @Schema(description = "已读时间（未读为空）") OffsetDateTime readAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.title, n.body, n.link, n.createdAt, n.readAt);
        }
    }
}
