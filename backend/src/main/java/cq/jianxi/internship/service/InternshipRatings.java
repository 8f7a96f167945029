package cq.jianxi.internship.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;

/**
 * The young person's 1–5 rating of an internship once it has ended (满意度), given once; the evaluation
 * averages them per base, and the base never sees an individual rating.
 */
@ApplicationScoped
public class InternshipRatings {

    @Inject
    InternshipAccess access;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;

    /** A rating; null fields mean not rated yet. */
    public record Rating(long internshipId, boolean rateable, Integer score, String comment, OffsetDateTime ratedAt) {
    }

    @WithTransaction
    public Uni<Rating> rate(Caller caller, long id, int score, String comment) {
        caller.requireRole(Role.YOUTH);
        return access.visible(caller, id, true).flatMap(i -> {
            if (!i.state.ended()) {
                throw ApiProblem.conflict("见习结束后才能评价");
            }
            String text = comment == null || comment.isBlank() ? null : comment.trim();
            OffsetDateTime now = clock.now();
            return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                            insert into internship_rating (internship_id, score, comment, rated_at) values (:id, :score, :c, :at)
                            on conflict (internship_id) do nothing""")
                    .setParameter("id", id).setParameter("score", (short) score).setParameter("c", text)
                    .setParameter("at", now).executeUpdate()).map(n -> {
                if (n == 0) {
                    throw ApiProblem.conflict("已评价过这段见习");
                }
                return new Rating(id, true, score, text, now);
            }).call(r -> audit.record(caller, AuditAction.INTERNSHIP_RATED, "internship", String.valueOf(id), score + " 分"));
        });
    }

    /** The intern's own rating, or staff of the internship's scope; the base is refused. */
    @WithSession
    public Uni<Rating> get(Caller caller, long id) {
        caller.requireRole(Role.YOUTH, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
        return access.visible(caller, id, false).flatMap(i -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select score, comment, rated_at from internship_rating where internship_id = :id", Object[].class)
                .setParameter("id", id).getResultList()).map(rows -> {
            if (rows.isEmpty()) {
                return new Rating(id, i.state.ended(), null, null, null);
            }
            Object[] r = rows.get(0);
            return new Rating(id, i.state.ended(), ((Number) r[0]).intValue(), (String) r[1], toOffset(r[2]));
        }));
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
