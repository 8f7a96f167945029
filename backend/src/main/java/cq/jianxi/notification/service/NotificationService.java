package cq.jianxi.notification.service;

import cq.jianxi.common.contact.NotificationPhones;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.notification.domain.Notification;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.domain.NotificationKind.Recipient;
import cq.jianxi.notification.sms.SmsConfig;
import cq.jianxi.notification.sms.SmsMessage;
import cq.jianxi.notification.sms.SmsService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * In-app notifications, written inside the transaction of the change they announce (the callers' own),
 * to a young person, a base, the district admins of a region or the city admins. Where the recipient
 * has a mobile phone and the kind is one a person waits for, the configured SMS sender also gets a
 * short message in the same transaction (the outbox keeps it there; the gateway is called before the
 * commit, and a gateway failure never undoes the change it announces).
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    @Inject
    AppClock clock;
    @Inject
    SmsService sms;
    @Inject
    SmsConfig smsConfig;
    @Inject
    Instance<NotificationPhones> phones;

    /** A page of the caller's notifications, with the number of all of them and of the unread ones. */
    public record Page(List<Notification> items, long total, long unread, int page, int size) {
    }

    public Uni<Void> toYouth(long youthId, NotificationKind kind, String title, String body, String link) {
        return write(Recipient.YOUTH, youthId, kind, title, body, link, null).replaceWithVoid();
    }

    /** The same, once per dedupe key: false when a notification with the key was already written. */
    public Uni<Boolean> toYouthOnce(String dedupeKey, long youthId, NotificationKind kind, String title, String body, String link) {
        return write(Recipient.YOUTH, youthId, kind, title, body, link, dedupeKey);
    }

    public Uni<Void> toBase(long baseId, NotificationKind kind, String title, String body, String link) {
        return write(Recipient.BASE, baseId, kind, title, body, link, null).replaceWithVoid();
    }

    /** To the district admins of a region: one notification they share, read once by any of them. */
    public Uni<Void> toRegion(String regionCode, NotificationKind kind, String title, String body, String link) {
        return write(Recipient.REGION, regionCode, kind, title, body, link, null).replaceWithVoid();
    }

    public Uni<Boolean> toRegionOnce(String dedupeKey, String regionCode, NotificationKind kind, String title, String body,
                                     String link) {
        return write(Recipient.REGION, regionCode, kind, title, body, link, dedupeKey);
    }

    /** To the city admins, shared as the region's are. */
    public Uni<Void> toCity(NotificationKind kind, String title, String body, String link) {
        return write(Recipient.CITY, null, kind, title, body, link, null).replaceWithVoid();
    }

    /** The caller's notifications, newest first, a page at a time. */
    @WithSession
    public Uni<Page> mine(Caller caller, boolean unreadOnly, int page, int size) {
        new Checks().page(page, size, 100).throwIfAny();
        Scope scope = scope(caller);
        String where = scope.where() + (unreadOnly ? " and readAt is null" : "");
        return Notification.<Notification>find(where, Sort.descending("createdAt", "id"), scope.params())
                .page(page, size).list()
                .flatMap(items -> Notification.count(where, scope.params())
                        .flatMap(total -> unread(scope).map(unread -> new Page(items, total, unread, page, size))));
    }

    /** The number of the caller's unread notifications (the bell's badge). */
    @WithSession
    public Uni<Long> unreadCount(Caller caller) {
        return unread(scope(caller));
    }

    /** Marks one of the caller's notifications read; someone else's does not exist for the caller. */
    @WithTransaction
    public Uni<Notification> markRead(Caller caller, long id) {
        Scope scope = scope(caller);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("id", id);
        return Notification.<Notification>find("id = :id and " + scope.where(), params).firstResult().map(n -> {
            if (n == null) {
                throw ApiProblem.notFound("通知不存在");
            }
            if (n.readAt == null) {
                n.readAt = clock.now();
            }
            return n;
        });
    }

    /** Marks all of the caller's unread notifications read; returns how many were. */
    @WithTransaction
    public Uni<Integer> markAllRead(Caller caller) {
        Scope scope = scope(caller);
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("now", clock.now());
        return Notification.update("readAt = :now where readAt is null and " + scope.where(), params);
    }

    private Uni<Long> unread(Scope scope) {
        return Notification.count(scope.where() + " and readAt is null", scope.params());
    }

    /** Which notifications are the caller's: a young person's, its base's, its region's, the city's. */
    private record Scope(String where, Map<String, Object> params) {
    }

    private static Scope scope(Caller caller) {
        return switch (caller.role()) {
            case YOUTH -> new Scope("youthId = :owner", Map.of("owner", caller.youthId()));
            case BASE -> new Scope("baseId = :owner", Map.of("owner", caller.baseId()));
            case DISTRICT_ADMIN -> new Scope("regionCode = :owner", Map.of("owner", caller.regionCode()));
            case CITY_ADMIN -> new Scope("toCity = true", Map.of());
            default -> throw ApiProblem.forbidden("当前角色（" + caller.role().label() + "）没有站内通知");
        };
    }

    private Uni<Boolean> write(Recipient recipient, Object id, NotificationKind kind, String title, String body, String link,
                               String dedupeKey) {
        if (kind.recipient() != recipient) {
            throw new IllegalArgumentException(kind + " goes to " + kind.recipient() + ", not " + recipient);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into notification (base_id, youth_id, region_code, to_city, kind, title, body, link, created_at, dedupe_key)
                        values (cast(:base as bigint), cast(:youth as bigint), cast(:region as varchar), :city, :kind, :title, :body,
                                cast(:link as varchar), :at, cast(:key as varchar))
                        on conflict (dedupe_key) do nothing returning id""", Long.class)
                // The caller's own changes are flushed at its commit, not half-made here (their checks see them whole).
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("base", recipient == Recipient.BASE ? id : null)
                .setParameter("youth", recipient == Recipient.YOUTH ? id : null)
                .setParameter("region", recipient == Recipient.REGION ? id : null)
                .setParameter("city", recipient == Recipient.CITY)
                .setParameter("kind", kind.name())
                .setParameter("title", cut(title, 100))
                .setParameter("body", cut(body, 500))
                .setParameter("link", link)
                .setParameter("at", clock.now())
                .setParameter("key", dedupeKey)
                .getResultList())
                .flatMap(rows -> rows.isEmpty() ? Uni.createFrom().item(false)
                        : text(recipient, id, kind).replaceWith(true));
    }

    /** The text message of a kind a person waits for, to the recipient's mobile phone where there is one. */
    private Uni<Void> text(Recipient recipient, Object id, NotificationKind kind) {
        if (!kind.sms() || !smsConfig.notices() || clock.replaying()) {
            return Uni.createFrom().voidItem();
        }
        for (NotificationPhones book : phones) {
            if (book.recipient().equals(recipient.name())) {
                return book.phoneOf(((Number) id).longValue()).flatMap(phone -> phone == null || !MOBILE.matcher(phone).matches()
                        ? Uni.createFrom().voidItem()
                        : sms.send(new SmsMessage(phone, "NOTICE", Map.of("event", kind.name()), kind.smsText()))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("The %s text message was not sent: %s", kind, e.getMessage());
                            return null;
                        }));
            }
        }
        return Uni.createFrom().voidItem();
    }

    private static String cut(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
