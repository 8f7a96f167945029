package cq.jianxi.audit.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.domain.AuditEvent;
import cq.jianxi.audit.repository.AuditRepository;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records audit events inside the caller's transaction, so an audited write and its audit row commit
 * or roll back together; and pages them for the city admin.
 */
@ApplicationScoped
public class AuditService {

    @jakarta.inject.Inject
    AppClock clock;

    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    AuditRepository repository;

    /** Must run inside an open reactive session/transaction (the write it audits). */
    public Uni<Void> record(Caller caller, AuditAction action, String targetType, String targetId, String detail) {
        return record(caller.userId(), caller.username(), caller.role() == null ? null : caller.role().name(),
                caller.ip(), action, targetType, targetId, detail);
    }

    public Uni<Void> record(Long userId, String username, String role, String ip,
                            AuditAction action, String targetType, String targetId, String detail) {
        AuditEvent event = new AuditEvent();
        event.at = clock.now();
        event.actorUserId = userId;
        event.actorUsername = username;
        event.actorRole = role;
        event.ip = ip;
        event.action = action.name();
        event.targetType = targetType;
        event.targetId = targetId;
        event.detail = detail;
        return repository.persist(event).replaceWithVoid();
    }

    /** A page of events for the city admin; everyone else is refused. */
    @WithSession
    public Uni<Page> search(Caller caller, String action, String actor, OffsetDateTime from, OffsetDateTime to,
                            int page, int size) {
        caller.requireRole(Role.CITY_ADMIN);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        var query = repository.search(blankToNull(action), blankToNull(actor), from, to);
        return query.page(page, size).list()
                .flatMap(items -> query.count().map(total -> new Page(items, total, page, size)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** One page of audit events with the total count of matches. */
    public record Page(List<AuditEvent> items, long total, int page, int size) {
    }
}
