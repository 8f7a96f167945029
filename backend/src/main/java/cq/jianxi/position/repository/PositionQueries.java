package cq.jianxi.position.repository;

import cq.jianxi.organization.domain.OperatingStatus;
import cq.jianxi.position.domain.Education;
import cq.jianxi.position.domain.OpenToYouth;
import cq.jianxi.position.domain.Position;
import cq.jianxi.position.domain.PositionCategory;
import cq.jianxi.position.domain.PositionStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Position searches joined with the base and employer they belong to. Callers open the session. */
@ApplicationScoped
public class PositionQueries {

    /** A position with the names shown next to it. */
    public record Row(Position position, String baseName, String employerName, OperatingStatus operatingStatus,
                      String regionName, cq.jianxi.organization.domain.BaseLevel baseLevel, Integer baseLevelYear) {
    }

    /** Search criteria; null means any. {@code openToYouth} keeps only what young people may see. */
    public record Criteria(String keyword, String regionCode, PositionCategory category, Education education,
                           List<PositionStatus> statuses, LocalDate openOn, String baseRegionCode, Long baseId,
                           OpenToYouth openToYouth) {
    }

    /** One page of rows and the number of all matches. */
    public record Found(List<Row> rows, long total) {
    }

    /**
     * One page and the total in a single query (a window count), so a search scans the positions once;
     * only a page past the end needs a separate count.
     */
    public Uni<Found> search(Criteria criteria, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(criteria, params);
        String hql = "select p, b.name, e.name, e.operatingStatus, r.shortName, b.level, b.levelYear, count(*) over ()"
                + " from Position p, Base b, Employer e, Region r"
                + " where b.id = p.baseId and e.id = b.employerId and r.code = p.regionCode" + where
                + " order by p.firstPublishedAt desc nulls last, p.updatedAt desc, p.id desc";
        return Panache.getSession().flatMap(s -> {
            var query = s.createSelectionQuery(hql, Object[].class);
            params.forEach(query::setParameter);
            return query.setFirstResult(page * size).setMaxResults(size).getResultList();
        }).flatMap(rows -> {
            List<Row> found = rows.stream().map(r -> new Row((Position) r[0], (String) r[1], (String) r[2],
                    (OperatingStatus) r[3], (String) r[4], (cq.jianxi.organization.domain.BaseLevel) r[5], (Integer) r[6])).toList();
            if (!rows.isEmpty()) {
                return Uni.createFrom().item(new Found(found, ((Number) rows.get(0)[7]).longValue()));
            }
            return page == 0 ? Uni.createFrom().item(new Found(found, 0)) : count(criteria).map(total -> new Found(found, total));
        });
    }

    public Uni<Long> count(Criteria criteria) {
        Map<String, Object> params = new HashMap<>();
        String where = where(criteria, params);
        String hql = "select count(p) from Position p, Base b, Employer e where b.id = p.baseId and e.id = b.employerId" + where;
        return Panache.getSession().flatMap(s -> {
            var query = s.createSelectionQuery(hql, Long.class);
            params.forEach(query::setParameter);
            return query.getSingleResult();
        });
    }

    public Uni<Row> one(long id) {
        String hql = "select p, b.name, e.name, e.operatingStatus, r.shortName, b.level, b.levelYear from Position p, Base b, Employer e, Region r"
                + " where b.id = p.baseId and e.id = b.employerId and r.code = p.regionCode and p.id = :id";
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(hql, Object[].class).setParameter("id", id)
                        .getSingleResultOrNull())
                .map(r -> r == null ? null : new Row((Position) r[0], (String) r[1], (String) r[2],
                        (OperatingStatus) r[3], (String) r[4], (cq.jianxi.organization.domain.BaseLevel) r[5], (Integer) r[6]));
    }

    /** Rows for the given ids, in no particular order. */
    public Uni<List<Row>> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String hql = "select p, b.name, e.name, e.operatingStatus, r.shortName, b.level, b.levelYear from Position p, Base b, Employer e, Region r"
                + " where b.id = p.baseId and e.id = b.employerId and r.code = p.regionCode and p.id in :ids";
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(hql, Object[].class).setParameter("ids", ids)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> new Row((Position) r[0], (String) r[1], (String) r[2],
                        (OperatingStatus) r[3], (String) r[4], (cq.jianxi.organization.domain.BaseLevel) r[5], (Integer) r[6])).toList());
    }

    private static String where(Criteria c, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (c.statuses() != null && !c.statuses().isEmpty()) {
            where.append(" and p.status in :statuses");
            params.put("statuses", c.statuses());
        }
        if (c.openOn() != null) {
            where.append(" and p.deadline >= :today");
            params.put("today", c.openOn());
        }
        if (c.openToYouth() != null) {
            OpenToYouth.Condition open = c.openToYouth().hql();
            where.append(" and ").append(open.sql());
            params.putAll(open.params());
        }
        if (c.keyword() != null) {
            where.append(" and (lower(p.title) like :kw escape '\\' or lower(p.description) like :kw escape '\\'"
                    + " or lower(e.name) like :kw escape '\\')");
            params.put("kw", "%" + c.keyword().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (c.regionCode() != null) {
            where.append(" and p.regionCode = :region");
            params.put("region", c.regionCode());
        }
        if (c.category() != null) {
            where.append(" and p.category = :category");
            params.put("category", c.category());
        }
        if (c.education() != null) {
            // A young person with a bachelor's degree qualifies for positions asking for less.
            List<Education> accepted = new ArrayList<>(Arrays.asList(Education.values()).subList(0, c.education().ordinal() + 1));
            where.append(" and p.education in :educations");
            params.put("educations", accepted);
        }
        if (c.baseRegionCode() != null) {
            where.append(" and b.regionCode = :baseRegion");
            params.put("baseRegion", c.baseRegionCode());
        }
        if (c.baseId() != null) {
            where.append(" and p.baseId = :baseId");
            params.put("baseId", c.baseId());
        }
        return where.toString();
    }
}
