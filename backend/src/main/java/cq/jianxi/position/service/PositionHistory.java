package cq.jianxi.position.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.position.domain.CloseReason;
import cq.jianxi.position.domain.PositionCategory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** Positions brought from the previous system: published on their historical date, closed if they were, marked as migrated. */
@ApplicationScoped
public class PositionHistory {

    @Inject
    AppClock clock;

    /** A position as the previous system knew it. */
    public record MigratedPosition(long baseId, String regionCode, String title, PositionCategory category, int headcount,
                                   BigDecimal monthlyAllowance, int durationMonths, LocalDate publishedOn, LocalDate deadline,
                                   LocalDate closedOn, CloseReason closeReason) {
    }

    /** Records the position inside the import's transaction; returns its id. */
    public Uni<Long> record(MigratedPosition p) {
        OffsetDateTime published = p.publishedOn().atTime(LocalTime.of(9, 0)).atZone(AppClock.ZONE).toOffsetDateTime();
        OffsetDateTime closed = p.closedOn() == null ? null
                : p.closedOn().atTime(LocalTime.of(18, 0)).atZone(AppClock.ZONE).toOffsetDateTime();
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into position (base_id, title, category, headcount, education, majors, description, region_code,
                                              monthly_allowance, duration_months, deadline, status, close_reason, filled_count,
                                              first_published_at, published_year, submitted_at, decided_at, decided_by, closed_at,
                                              origin, created_at, updated_at)
                        values (:base, :title, :category, :headcount, 'ANY', '', :description, :region, :allowance, :duration,
                                :deadline, :status, :reason, 0, :published, :year, :published, :published, 'migration', :closed,
                                'MIGRATED', :now, :now) returning id""", Long.class)
                .setParameter("base", p.baseId()).setParameter("title", p.title()).setParameter("category", p.category().name())
                .setParameter("headcount", p.headcount()).setParameter("description", p.title() + "（从原见习系统导入）")
                .setParameter("region", p.regionCode()).setParameter("allowance", p.monthlyAllowance())
                .setParameter("duration", p.durationMonths()).setParameter("deadline", p.deadline())
                .setParameter("status", p.closedOn() == null ? "PUBLISHED" : "CLOSED")
                .setParameter("reason", p.closedOn() == null ? null : p.closeReason().name())
                .setParameter("published", published).setParameter("year", p.publishedOn().getYear())
                .setParameter("closed", closed).setParameter("now", clock.now()).getSingleResult());
    }
}
