package cq.jianxi.evaluation.repository;

import cq.jianxi.evaluation.domain.AwardStage;
import cq.jianxi.evaluation.domain.CriterionKind;
import cq.jianxi.evaluation.domain.EligibilityRule;
import cq.jianxi.evaluation.domain.Metric;
import cq.jianxi.evaluation.domain.Scheme;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation context's tables. Reads go through the pool; writes through the current Hibernate
 * Reactive session so they share the caller's transaction (and its advisory lock on the district's year).
 */
@ApplicationScoped
public class EvaluationStore {

    @Inject
    Pool pool;

    /** A round as closed. */
    public record Round(int year, String regionCode, OffsetDateTime closedAt, String closedBy, int bases, int proposed) {
    }

    /** A frozen result row. */
    public record Result(long baseId, String regionCode, BigDecimal total, int rank, boolean proposed, String sheetJson) {
    }

    /** A manual score as entered. */
    public record ManualScore(long baseId, String criterionCode, BigDecimal percent, String note, String scoredBy) {
    }

    /** One step of the selection. */
    public record Award(int year, long baseId, String regionCode, AwardStage stage, Long replacesBaseId, String reason,
                        String decidedBy, OffsetDateTime decidedAt) {
    }

    public Uni<Scheme> scheme(int year) {
        return pool.preparedQuery("""
                        select code, name, kind, metric, weight, full_at, zero_at from evaluation_criterion
                        where year = $1 order by seq, code""").execute(Tuple.of(year))
                .flatMap(criteria -> pool.preparedQuery("""
                                select rule, threshold
                                from evaluation_eligibility_rule where year = $1 order by rule""").execute(Tuple.of(year))
                        .flatMap(rules -> pool.preparedQuery("select 1 from evaluation_scheme where year = $1")
                                .execute(Tuple.of(year)).map(present -> {
                                    if (present.size() == 0) {
                                        return null;
                                    }
                                    List<Scheme.Criterion> list = new ArrayList<>();
                                    for (Row r : criteria) {
                                        String metric = r.getString("metric");
                                        list.add(new Scheme.Criterion(r.getString("code"), r.getString("name"),
                                                CriterionKind.valueOf(r.getString("kind")),
                                                metric == null ? null : Metric.valueOf(metric), r.getBigDecimal("weight"),
                                                r.getBigDecimal("full_at"), r.getBigDecimal("zero_at")));
                                    }
                                    List<Scheme.Threshold> thresholds = new ArrayList<>();
                                    for (Row r : rules) {
                                        thresholds.add(new Scheme.Threshold(EligibilityRule.valueOf(r.getString("rule")),
                                                r.getBigDecimal("threshold")));
                                    }
                                    return new Scheme(year, list, thresholds);
                                })));
    }

    /** Replaces the year's scheme in the current transaction. */
    public Uni<Void> replaceScheme(Scheme scheme, String by, OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into evaluation_scheme (year, updated_by, updated_at) values (:y, :by, :at)
                        on conflict (year) do update set updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .setParameter("y", scheme.year()).setParameter("by", by).setParameter("at", at).executeUpdate()
                .chain(() -> s.createNativeQuery("delete from evaluation_criterion where year = :y")
                        .setParameter("y", scheme.year()).executeUpdate())
                .chain(() -> s.createNativeQuery("delete from evaluation_eligibility_rule where year = :y")
                        .setParameter("y", scheme.year()).executeUpdate())
                .chain(() -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    int seq = 1;
                    for (Scheme.Criterion c : scheme.criteria()) {
                        int order = seq++;
                        chain = chain.chain(() -> s.createNativeQuery("""
                                        insert into evaluation_criterion (year, code, name, kind, metric, weight, full_at, zero_at, seq)
                                        values (:y, :code, :name, :kind, :metric, :weight, :full, :zero, :seq)""")
                                .setParameter("y", scheme.year()).setParameter("code", c.code()).setParameter("name", c.name())
                                .setParameter("kind", c.kind().name())
                                .setParameter("metric", c.metric() == null ? null : c.metric().name())
                                .setParameter("weight", c.weight()).setParameter("full", c.fullAt())
                                .setParameter("zero", c.zeroAt()).setParameter("seq", order).executeUpdate());
                    }
                    for (Scheme.Threshold t : scheme.eligibility()) {
                        chain = chain.chain(() -> s.createNativeQuery("""
                                        insert into evaluation_eligibility_rule (year, rule, threshold) values (:y, :rule, :t)""")
                                .setParameter("y", scheme.year()).setParameter("rule", t.rule().name())
                                .setParameter("t", t.threshold()).executeUpdate());
                    }
                    return chain;
                })).replaceWithVoid();
    }

    /** Serializes every write about one district's year (closing, scoring, commitments, selection, quotas). */
    public Uni<Void> lock(int year, String regionCode) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(hashtext('evaluation'), hashtext(:key)) as text)")
                .setParameter("key", year + ":" + regionCode).getSingleResultOrNull()).replaceWithVoid();
    }

    public Uni<Round> round(int year, String regionCode) {
        return pool.preparedQuery("select * from evaluation_round where year = $1 and region_code = $2")
                .execute(Tuple.of(year, regionCode)).map(rows -> {
                    for (Row r : rows) {
                        return new Round(year, regionCode, r.getOffsetDateTime("closed_at"), r.getString("closed_by"),
                                r.getInteger("bases"), r.getInteger("proposed"));
                    }
                    return null;
                });
    }

    public Uni<Boolean> anyRound(int year) {
        return pool.preparedQuery("select 1 from evaluation_round where year = $1 limit 1").execute(Tuple.of(year))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> insertRound(Round round) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into evaluation_round (year, region_code, closed_at, closed_by, bases, proposed)
                        values (:y, :r, :at, :by, :n, :k)""")
                .setParameter("y", round.year()).setParameter("r", round.regionCode()).setParameter("at", round.closedAt())
                .setParameter("by", round.closedBy()).setParameter("n", round.bases()).setParameter("k", round.proposed())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> insertResult(int year, Result result) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into evaluation_result (year, base_id, region_code, total, rank, proposed, sheet)
                        values (:y, :b, :r, :t, :rank, :p, cast(cast(:sheet as text) as jsonb))""")
                .setParameter("y", year).setParameter("b", result.baseId()).setParameter("r", result.regionCode())
                .setParameter("t", result.total()).setParameter("rank", result.rank()).setParameter("p", result.proposed())
                .setParameter("sheet", result.sheetJson()).executeUpdate()).replaceWithVoid();
    }

    /** The frozen results of a district's year (regionCode) or one base's (baseId), in rank order. */
    public Uni<List<Result>> results(int year, String regionCode, Long baseId) {
        return pool.preparedQuery("""
                        select base_id, region_code, total, rank, proposed, sheet::text as sheet from evaluation_result
                        where year = $1 and ($2::varchar is null or region_code = $2) and ($3::bigint is null or base_id = $3)
                        order by region_code, rank""").execute(Tuple.of(year, regionCode, baseId)).map(rows -> {
                    List<Result> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new Result(r.getLong("base_id"), r.getString("region_code"), r.getBigDecimal("total"),
                                r.getInteger("rank"), r.getBoolean("proposed"), r.getString("sheet")));
                    }
                    return list;
                });
    }

    public Uni<List<ManualScore>> manualScores(int year, String regionCode) {
        return pool.preparedQuery("""
                        select m.base_id, m.criterion_code, m.percent, m.note, m.scored_by from evaluation_manual_score m
                        join base b on b.id = m.base_id where m.year = $1 and b.region_code = $2""")
                .execute(Tuple.of(year, regionCode)).map(rows -> {
                    List<ManualScore> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new ManualScore(r.getLong("base_id"), r.getString("criterion_code"),
                                r.getBigDecimal("percent"), r.getString("note"), r.getString("scored_by")));
                    }
                    return list;
                });
    }

    public Uni<Void> upsertManualScore(int year, ManualScore score, OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into evaluation_manual_score (year, base_id, criterion_code, percent, note, scored_by, scored_at)
                        values (:y, :b, :c, :p, :n, :by, :at)
                        on conflict (year, base_id, criterion_code) do update set percent = excluded.percent,
                          note = excluded.note, scored_by = excluded.scored_by, scored_at = excluded.scored_at""")
                .setParameter("y", year).setParameter("b", score.baseId()).setParameter("c", score.criterionCode())
                .setParameter("p", score.percent()).setParameter("n", score.note()).setParameter("by", score.scoredBy())
                .setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    /** Committed positions per base of a district's year. */
    public Uni<Map<Long, Integer>> commitments(int year, String regionCode) {
        return pool.preparedQuery("""
                        select c.base_id, c.positions from evaluation_commitment c join base b on b.id = c.base_id
                        where c.year = $1 and b.region_code = $2""").execute(Tuple.of(year, regionCode)).map(rows -> {
                    Map<Long, Integer> map = new HashMap<>();
                    rows.forEach(r -> map.put(r.getLong(0), r.getInteger(1)));
                    return map;
                });
    }

    public Uni<Void> upsertCommitment(int year, long baseId, int positions, String by, OffsetDateTime at) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into evaluation_commitment (year, base_id, positions, recorded_by, recorded_at)
                        values (:y, :b, :p, :by, :at)
                        on conflict (year, base_id) do update set positions = excluded.positions,
                          recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""")
                .setParameter("y", year).setParameter("b", baseId).setParameter("p", positions)
                .setParameter("by", by).setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    /** An award with the base's name, total and rank from its frozen result. */
    public record AwardRow(Award award, String baseName, BigDecimal total, int rank, boolean eligible) {
    }

    /** A page of awards, newest year first; every filter is optional. */
    public Uni<List<AwardRow>> awards(Integer year, String regionCode, AwardStage stage, Long baseId, int limit, long offset) {
        return pool.preparedQuery("""
                        select a.*, r.sheet ->> 'baseName' as base_name, r.total, r.rank,
                               coalesce((r.sheet ->> 'eligible')::boolean, false) as eligible
                        from demonstration_award a join evaluation_result r on r.year = a.year and r.base_id = a.base_id
                        where ($1::int is null or a.year = $1) and ($2::varchar is null or a.region_code = $2)
                          and ($3::varchar is null or a.stage = $3) and ($4::bigint is null or a.base_id = $4)
                        order by a.year desc, a.region_code, r.rank, a.stage limit $5 offset $6""")
                .execute(Tuple.from(java.util.Arrays.asList(year, regionCode, stage == null ? null : stage.name(), baseId,
                        limit, offset)))
                .map(rows -> {
                    List<AwardRow> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new AwardRow(new Award(r.getInteger("year"), r.getLong("base_id"), r.getString("region_code"),
                                AwardStage.valueOf(r.getString("stage")), r.getLong("replaces_base_id"),
                                r.getString("reason"), r.getString("decided_by"), r.getOffsetDateTime("decided_at")),
                                r.getString("base_name"), r.getBigDecimal("total"), r.getInteger("rank"), r.getBoolean("eligible")));
                    }
                    return list;
                });
    }

    public Uni<Long> countAwardRows(Integer year, String regionCode, AwardStage stage, Long baseId) {
        return pool.preparedQuery("""
                        select count(*) from demonstration_award a
                        where ($1::int is null or a.year = $1) and ($2::varchar is null or a.region_code = $2)
                          and ($3::varchar is null or a.stage = $3) and ($4::bigint is null or a.base_id = $4)""")
                .execute(Tuple.from(java.util.Arrays.asList(year, regionCode, stage == null ? null : stage.name(), baseId)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Per district of a year: whether closed, how many evaluated and proposed, and the count at each stage. */
    public record RegionProgress(String regionCode, boolean closed, int bases, int proposed, Map<AwardStage, Long> stages) {
    }

    public Uni<Map<String, RegionProgress>> progress(int year) {
        return pool.preparedQuery("""
                        select o.region_code, o.bases, o.proposed, a.stage, count(a.base_id) as n
                        from evaluation_round o left join demonstration_award a on a.year = o.year and a.region_code = o.region_code
                        where o.year = $1 group by o.region_code, o.bases, o.proposed, a.stage""").execute(Tuple.of(year))
                .map(rows -> {
                    Map<String, RegionProgress> map = new HashMap<>();
                    for (Row r : rows) {
                        RegionProgress p = map.computeIfAbsent(r.getString("region_code"), code -> new RegionProgress(code,
                                true, r.getInteger("bases"), r.getInteger("proposed"), new java.util.EnumMap<>(AwardStage.class)));
                        if (r.getString("stage") != null) {
                            p.stages().put(AwardStage.valueOf(r.getString("stage")), r.getLong("n"));
                        }
                    }
                    return map;
                });
    }

    /** Counted inside the caller's transaction, after its lock, so a quota check sees every earlier write. */
    public Uni<Long> countAwards(int year, String regionCode, AwardStage stage) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select count(*) from demonstration_award where year = :y and region_code = :r and stage = :s""", Long.class)
                .setParameter("y", year).setParameter("r", regionCode).setParameter("s", stage.name()).getSingleResult());
    }

    public Uni<Boolean> hasAward(int year, long baseId, AwardStage stage) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select count(*) from demonstration_award where year = :y and base_id = :b and stage = :s""", Long.class)
                .setParameter("y", year).setParameter("b", baseId).setParameter("s", stage.name()).getSingleResult())
                .map(n -> n > 0);
    }

    public Uni<Void> insertAward(Award a) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        insert into demonstration_award (year, base_id, region_code, stage, replaces_base_id, reason, decided_by, decided_at)
                        values (:y, :b, :r, :s, :rep, :reason, :by, :at)""")
                .setParameter("y", a.year()).setParameter("b", a.baseId()).setParameter("r", a.regionCode())
                .setParameter("s", a.stage().name()).setParameter("rep", a.replacesBaseId()).setParameter("reason", a.reason())
                .setParameter("by", a.decidedBy()).setParameter("at", a.decidedAt()).executeUpdate()).replaceWithVoid();
    }
}
