package cq.jianxi.activity.service;

import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.region.service.Regions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The public list of matching events and policy sessions still to come (today onwards), for the entry young
 * people reach without logging in. Carries what a poster would: no counts of people, nobody's name.
 */
@ApplicationScoped
public class UpcomingActivities {

    static final int MAX_PAGE = 50;

    @Inject
    Pool pool;
    @Inject
    AppClock clock;
    @Inject
    Regions regions;

    /** One announced activity. */
    public record Upcoming(long id, String kind, String title, String regionCode, String regionName, LocalDate heldOn,
                           String organizer, String venue, String link) {
    }

    /** A page with its total. */
    public record Page(List<Upcoming> items, long total, int page, int size) {
    }

    public Uni<Page> list(String regionCode, String kind, int page, int size) {
        Checks checks = new Checks();
        checks.page(page, size, MAX_PAGE);
        String k = kind == null || kind.isBlank() ? null : kind.trim();
        checks.check(k == null || List.of("MATCHING_ONLINE", "MATCHING_OFFLINE", "POLICY_SESSION").contains(k), "kind",
                "活动类型取值不正确");
        checks.throwIfAny();
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        LocalDate today = clock.today();
        String where = "a.held_on >= $1 and ($2::varchar is null or a.region_code = $2) and ($3::varchar is null or a.kind = $3)";
        return pool.preparedQuery("""
                        select a.id, a.kind, a.title, a.region_code, a.held_on, a.organizer, a.venue, a.link
                        from activity a
                        where %s
                        order by a.held_on, a.id limit $4 offset $5""".formatted(where))
                .execute(Tuple.of(today, region, k, size, (long) page * size))
                .flatMap(rows -> pool.preparedQuery("select count(*) from activity a where " + where)
                        .execute(Tuple.of(today, region, k)).flatMap(count -> regions.shortNames().map(names -> {
                            List<Upcoming> items = new ArrayList<>();
                            for (Row r : rows) {
                                items.add(new Upcoming(r.getLong("id"), r.getString("kind"), r.getString("title"),
                                        r.getString("region_code"), names.get(r.getString("region_code")),
                                        r.getLocalDate("held_on"), r.getString("organizer"), r.getString("venue"),
                                        r.getString("link")));
                            }
                            return new Page(items, count.iterator().next().getLong(0), page, size);
                        })));
    }
}
