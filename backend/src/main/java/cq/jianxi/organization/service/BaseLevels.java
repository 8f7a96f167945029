package cq.jianxi.organization.service;

import cq.jianxi.organization.domain.BaseLevel;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The demonstration level a base holds, as the evaluation's selection sets it: the latest selection
 * decides, so a district's new year replaces the levels its earlier years gave (ADR 0015).
 */
@ApplicationScoped
public class BaseLevels {

    /** Sets the level from a year's selection, in the caller's transaction; an older year never overrides a newer. */
    public Uni<Void> award(long baseId, BaseLevel level, int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update base set level = :level, level_year = :year
                        where id = :id and (level_year is null or level_year <= :year)""")
                .setParameter("level", level.name()).setParameter("year", year).setParameter("id", baseId)
                .executeUpdate()).replaceWithVoid();
    }

    /** A district's selection for a year is made: its bases holding a level from an earlier year lose it. */
    public Uni<Void> expireBefore(String regionCode, int year) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        update base set level = 'ORDINARY', level_year = null
                        where region_code = :region and level_year < :year""")
                .setParameter("region", regionCode).setParameter("year", year).executeUpdate()).replaceWithVoid();
    }
}
