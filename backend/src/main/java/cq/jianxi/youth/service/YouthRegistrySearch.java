package cq.jianxi.youth.service;

import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.youth.domain.Eligibility;
import cq.jianxi.youth.domain.Youth;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff searches and counts of the registry, by the categories of {@link Eligibility} on today's date. */
@ApplicationScoped
public class YouthRegistrySearch {

    @Inject
    YouthService youthService;
    @Inject
    AppClock clock;

    /** A page of records (always masked). */
    public record Page(List<YouthService.Details> items, long total, int page, int size) {
    }

    /** Registry counts for the caller's scope: how many want an internship or training. */
    public record Statistics(long total, long unemployedGraduates, long internshipIntention, long trainingIntention,
                             long unemployedGraduatesWithIntention, long fromRoster) {
    }

    /** Staff search of the registry; results are masked. {@code category} is a category of {@link Eligibility}. */
    @WithSession
    public Uni<Page> search(Caller caller, String keyword, String regionCode, String category, Boolean intention,
                            int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        Checks checks = new Checks();
        checks.page(page, size, 200);
        Eligibility.Category cat = category == null || category.isBlank() ? null
                : checks.enumValue("category", category, Eligibility.Category.class, "人员类别");
        checks.throwIfAny();
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (regionCode != null && !regionCode.isBlank()) {
                caller.requireRegion(regionCode);
            }
            where.append(" and (y.region_code = :mine or :mine = any(y.preferred_regions))");
            params.put("mine", caller.regionCode());
        } else if (regionCode != null && !regionCode.isBlank()) {
            where.append(" and y.region_code = :region");
            params.put("region", regionCode.trim());
        }
        if (keyword != null && !keyword.isBlank()) {
            where.append(" and y.name like :kw");
            params.put("kw", "%" + keyword.trim().replace("%", "").replace("_", "") + "%");
        }
        if (intention != null) {
            where.append(" and y.internship_intention = :intention");
            params.put("intention", intention);
        }
        if (cat != null) {
            Eligibility.Condition condition = Eligibility.sql(cat, "y", clock.today());
            where.append(" and ").append(condition.sql());
            params.putAll(condition.params());
        }
        return Panache.getSession().flatMap(s -> {
            var rows = s.createNativeQuery("select y.* from youth y" + where
                    + " order by y.updated_at desc, y.id desc", Youth.class);
            var count = s.createNativeQuery("select count(*) from youth y" + where, Long.class);
            params.forEach((k, v) -> {
                rows.setParameter(k, v);
                count.setParameter(k, v);
            });
            return rows.setFirstResult(page * size).setMaxResults(size).getResultList()
                    .flatMap(list -> count.getSingleResult().map(total -> new Page(
                            list.stream().map(y -> youthService.details(y, false)).toList(), total, page, size)));
        });
    }

    @WithSession
    public Uni<Statistics> statistics(Caller caller) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String region = caller.is(Role.DISTRICT_ADMIN) ? caller.regionCode() : null;
        Eligibility.Condition graduate = Eligibility.sql(Eligibility.Category.UNEMPLOYED_GRADUATE, "y", clock.today());
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery("""
                            select count(*),
                                   count(*) filter (where g),
                                   count(*) filter (where internship_intention),
                                   count(*) filter (where training_intention),
                                   count(*) filter (where g and internship_intention),
                                   count(*) filter (where source = 'ROSTER')
                            from (select y.internship_intention, y.training_intention, y.source, %s as g
                                  from youth y
                                  where cast(:region as varchar) is null or y.region_code = :region
                                     or :region = any(y.preferred_regions)) x""".formatted(graduate.sql()), Object[].class)
                    .setParameter("region", region);
            graduate.params().forEach(query::setParameter);
            return query.getSingleResult();
        }).map(r -> new Statistics(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5])));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
