package cq.jianxi.evaluation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.evaluation.domain.Ranking;
import cq.jianxi.evaluation.domain.Ranking.Ranked;
import cq.jianxi.evaluation.domain.Scheme;
import cq.jianxi.evaluation.domain.ScoreSheet;
import cq.jianxi.evaluation.repository.EvaluationStore;
import cq.jianxi.evaluation.repository.EvaluationStore.ManualScore;
import cq.jianxi.evaluation.repository.EvaluationStore.Round;
import cq.jianxi.report.readmodel.BaseYearFigures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A district's score table and each base's sheet: computed from the records while the year is open,
 * read from the frozen results once the district closed it.
 */
@ApplicationScoped
public class EvaluationSheets {

    @Inject
    EvaluationStore store;
    @Inject
    BaseYearFigures figures;
    @Inject
    AppClock clock;
    @Inject
    ObjectMapper json;

    /** A district's ranked year: live, or frozen when {@code round} is set. */
    public record RegionYear(int year, String regionCode, Round round, List<Ranked> ranked) {
        public int proposedCount() {
            return Ranking.proposedCount(ranked.size());
        }
    }

    /** A base's sheet with its place among the district's n bases; frozenAt once the district closed the year. */
    public record Placed(Ranked ranked, int of, java.time.OffsetDateTime frozenAt) {
    }

    /** A page of the district's table. */
    public record TablePage(RegionYear region, List<Ranked> items, long total, int page, int size, long unscored) {
    }

    public Uni<TablePage> table(Caller caller, int year, String regionCode, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        new Checks().page(page, size, 500).throwIfAny();
        caller.requireRegion(regionCode);
        return regionYear(year, regionCode).map(r -> {
            int from = Math.min(page * size, r.ranked().size());
            int to = Math.min(from + size, r.ranked().size());
            long unscored = r.ranked().stream().filter(x -> !x.sheet().manualComplete()).count();
            return new TablePage(r, r.ranked().subList(from, to), r.ranked().size(), page, size, unscored);
        });
    }

    /** One base's sheet with its place; a base sees only its own. */
    public Uni<Placed> sheet(Caller caller, int year, long baseId) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.BASE);
        if (caller.is(Role.BASE) && !Long.valueOf(baseId).equals(caller.baseId())) {
            throw ApiProblem.forbidden("只能查看本基地的评估");
        }
        return regionOf(year, baseId).flatMap(region -> {
            if (region == null) {
                throw ApiProblem.notFound("该基地未参加 " + year + " 年度评估");
            }
            if (caller.is(Role.DISTRICT_ADMIN)) {
                caller.requireRegion(region);
            }
            return regionYear(year, region).map(r -> new Placed(r.ranked().stream().filter(x -> x.sheet().baseId() == baseId)
                    .findFirst().orElseThrow(() -> ApiProblem.notFound("该基地未参加 " + year + " 年度评估")),
                    r.ranked().size(), r.round() == null ? null : r.round().closedAt()));
        });
    }

    /** The district the base was evaluated in: the frozen result's, else the live figures'. */
    Uni<String> regionOf(int year, long baseId) {
        return store.results(year, null, baseId).flatMap(frozen -> frozen.isEmpty()
                ? figures.compute(null, baseId, year).map(m -> m.isEmpty() ? null : m.values().iterator().next().regionCode())
                : Uni.createFrom().item(frozen.get(0).regionCode()));
    }

    public Uni<RegionYear> regionYear(int year, String regionCode) {
        return store.round(year, regionCode).flatMap(round -> round != null ? frozen(year, regionCode, round)
                : live(year, regionCode).map(list -> new RegionYear(year, regionCode, null, list)));
    }

    /** The live ranking from today's records (what closing freezes). */
    Uni<List<Ranked>> live(int year, String regionCode) {
        return scheme(year).flatMap(scheme -> figures.compute(regionCode, null, year)
                .flatMap(bases -> store.commitments(year, regionCode)
                        .flatMap(commitments -> store.manualScores(year, regionCode).map(scores -> {
                            Map<Long, Map<String, ManualScore>> manual = new HashMap<>();
                            scores.forEach(s -> manual.computeIfAbsent(s.baseId(), k -> new HashMap<>()).put(s.criterionCode(), s));
                            List<ScoreSheet> sheets = new ArrayList<>();
                            bases.values().forEach(b -> sheets.add(SheetBuilder.build(scheme, b, commitments.get(b.baseId()),
                                    manual.getOrDefault(b.baseId(), Map.of()), clock.today())));
                            return Ranking.rank(sheets);
                        }))));
    }

    Uni<Scheme> scheme(int year) {
        return store.scheme(year).map(s -> {
            if (s == null) {
                throw ApiProblem.notFound(year + " 年度评估方案尚未制定");
            }
            return s;
        });
    }

    private Uni<RegionYear> frozen(int year, String regionCode, Round round) {
        return store.results(year, regionCode, null).map(rows -> new RegionYear(year, regionCode, round,
                rows.stream().map(r -> new Ranked(read(r.sheetJson()), r.rank(), r.proposed())).toList()));
    }

    String write(ScoreSheet sheet) {
        try {
            return json.writeValueAsString(sheet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score sheet not serializable", e);
        }
    }

    private ScoreSheet read(String sheet) {
        try {
            return json.readValue(sheet, ScoreSheet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("frozen score sheet unreadable", e);
        }
    }
}
