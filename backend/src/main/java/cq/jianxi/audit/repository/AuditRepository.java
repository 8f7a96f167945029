package cq.jianxi.audit.repository;

import cq.jianxi.audit.domain.AuditEvent;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

/** Stores and pages audit events, newest first. */
@ApplicationScoped
@WithSession
public class AuditRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    /** Filters are optional; null means "any". */
    public PanacheQuery<AuditEvent> search(String action, String actor, OffsetDateTime from, OffsetDateTime to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (action != null) {
            where.append(" and action = :action");
            params.and("action", action);
        }
        if (actor != null) {
            where.append(" and actorUsername = :actor");
            params.and("actor", actor);
        }
        if (from != null) {
            where.append(" and at >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.append(" and at < :to");
            params.and("to", to);
        }
        return find(where.toString(), Sort.descending("at", "id"), params);
    }
}
