package cq.jianxi.notification.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.notification.domain.Notification;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** In-app notifications: written inside the transaction of the change they announce. */
@ApplicationScoped
public class NotificationService {

    @jakarta.inject.Inject
    AppClock clock;

    public Uni<Void> toYouth(long youthId, String title, String body, String link) {
        Notification n = base(title, body, link);
        n.youthId = youthId;
        return n.persist().replaceWithVoid();
    }

    public Uni<Void> toBase(long baseId, String title, String body, String link) {
        Notification n = base(title, body, link);
        n.baseId = baseId;
        return n.persist().replaceWithVoid();
    }

    /** The caller's notifications, newest first: a young person's or their base's. */
    @WithSession
    public Uni<List<Notification>> mine(Caller caller, boolean unreadOnly) {
        String owner = owner(caller);
        Object id = caller.is(Role.YOUTH) ? caller.youthId() : caller.baseId();
        return Notification.<Notification>find(owner + " = ?1" + (unreadOnly ? " and readAt is null" : ""),
                Sort.descending("createdAt", "id"), id).page(0, 100).list();
    }

    @WithTransaction
    public Uni<Notification> markRead(Caller caller, long id) {
        String owner = owner(caller);
        return Notification.<Notification>findById(id).map(n -> {
            Long mine = caller.is(Role.YOUTH) ? caller.youthId() : caller.baseId();
            Long target = "youthId".equals(owner) ? n == null ? null : n.youthId : n == null ? null : n.baseId;
            if (n == null || target == null || !target.equals(mine)) {
                throw ApiProblem.notFound("通知不存在");
            }
            if (n.readAt == null) {
                n.readAt = clock.now();
            }
            return n;
        });
    }

    private static String owner(Caller caller) {
        return switch (caller.role()) {
            case YOUTH -> "youthId";
            case BASE -> "baseId";
            default -> throw ApiProblem.forbidden("当前角色没有站内通知");
        };
    }

    private Notification base(String title, String body, String link) {
        Notification n = new Notification();
        n.title = title;
        n.body = body;
        n.link = link;
        n.createdAt = clock.now();
        return n;
    }
}
