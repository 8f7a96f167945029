package cq.jianxi.organization.service;

import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.BaseLevel;
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
 * The public list of certified bases (已认定见习基地名录): approved bases only, with what the public may
 * know of an employer — name, district, industry, level, date certified — and never a contact.
 * A live query, so an approval or a revocation shows at once.
 */
@ApplicationScoped
public class CertifiedBases {

    @Inject
    Pool pool;

    /** One certified base as the public sees it. */
    public record Entry(long id, String name, String regionCode, String regionName, String industry, BaseLevel level,
                        LocalDate certifiedOn) {
    }

    /** A page of the list. */
    public record Page(List<Entry> items, long total, int page, int size) {
    }

    public Uni<Page> list(String regionCode, String keyword, int page, int size) {
        new Checks().page(page, size, 100).throwIfAny();
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        String like = keyword == null || keyword.isBlank() ? null
                : "%" + cq.jianxi.organization.repository.Likes.escape(keyword.trim().toLowerCase()) + "%";
        return pool.preparedQuery("""
                        select b.id, b.name, b.region_code, r.short_name, e.industry, b.level, b.decided_at,
                               count(*) over () as total
                        from base b join employer e on e.id = b.employer_id join region r on r.code = b.region_code
                        where b.status = 'APPROVED' and ($1::varchar is null or b.region_code = $1)
                          and ($4::varchar is null or lower(b.name) like $4 escape '\\')
                        order by r.seq, b.decided_at desc nulls last, b.id desc
                        limit $2 offset $3""")
                .execute(Tuple.of(region, size, (long) page * size, like))
                .flatMap(rows -> {
                    List<Entry> items = new ArrayList<>();
                    long total = -1;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        items.add(new Entry(r.getLong("id"), r.getString("name"), r.getString("region_code"),
                                r.getString("short_name"), r.getString("industry"), BaseLevel.valueOf(r.getString("level")),
                                r.getOffsetDateTime("decided_at") == null ? null : AppClock.dateOf(r.getOffsetDateTime("decided_at"))));
                    }
                    if (total >= 0) {
                        return Uni.createFrom().item(new Page(items, total, page, size));
                    }
                    // A page past the end has no rows to carry the total.
                    return pool.preparedQuery("select count(*) from base where status = 'APPROVED' and ($1::varchar is null or region_code = $1)"
                                    + " and ($2::varchar is null or lower(name) like $2 escape '\\')")
                            .execute(Tuple.of(region, like)).map(c -> new Page(items, c.iterator().next().getLong(0), page, size));
                });
    }

    /** A certified base's public page: what the list shows plus its address and the year of its level. */
    public record PublicBase(Entry entry, Integer levelYear, String address) {
    }

    /** One certified base; a pending, rejected or revoked one is not found (the public never learns which). */
    public Uni<PublicBase> get(long id) {
        return pool.preparedQuery("""
                        select b.id, b.name, b.region_code, r.short_name, e.industry, b.level, b.decided_at, b.level_year, b.address
                        from base b join employer e on e.id = b.employer_id join region r on r.code = b.region_code
                        where b.id = $1 and b.status = 'APPROVED'""")
                .execute(Tuple.of(id)).map(rows -> {
                    for (Row r : rows) {
                        Entry e = new Entry(r.getLong("id"), r.getString("name"), r.getString("region_code"),
                                r.getString("short_name"), r.getString("industry"), BaseLevel.valueOf(r.getString("level")),
                                r.getOffsetDateTime("decided_at") == null ? null : AppClock.dateOf(r.getOffsetDateTime("decided_at")));
                        return new PublicBase(e, r.getInteger("level_year"), r.getString("address"));
                    }
                    throw cq.jianxi.common.problem.ApiProblem.notFound("见习基地不存在或未认定");
                });
    }
}
