package cq.jianxi.quality.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.organization.domain.OperatingStatus;
import cq.jianxi.quality.domain.RuleCode;
import cq.jianxi.report.readmodel.BaseYearFigures;
import cq.jianxi.report.readmodel.BaseYearFigures.BaseYear;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the enabled disqualification rules on the approved bases of a region (or one base) and says,
 * for each base that meets a rule, the figures that meet it. Retention comes from {@link BaseYearFigures},
 * the one definition of a base's yearly figures; the other rules read the records they name.
 */
@ApplicationScoped
public class DisqualificationRules {

    @Inject
    Pool pool;
    @Inject
    AppClock clock;
    @Inject
    BaseYearFigures figures;

    /** A rule's settings as the city left them. */
    public record RuleSetting(RuleCode code, String name, boolean enabled, Integer months, BigDecimal rate, Integer years) {
    }

    /** One rule a base meets, with the figures that meet it. */
    public record Hit(RuleCode rule, String evidence) {
    }

    /** An approved base, with the rules it meets now (possibly none). */
    public record Evaluated(long baseId, String baseName, String regionCode, LocalDate certifiedOn, List<Hit> hits) {
    }

    public Uni<List<RuleSetting>> settings() {
        return pool.query("select code, name, enabled, months, rate, years from disqualification_rule order by seq").execute()
                .map(rows -> {
                    List<RuleSetting> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new RuleSetting(RuleCode.valueOf(r.getString("code")), r.getString("name"),
                                r.getBoolean("enabled"), r.getInteger("months"), r.getBigDecimal("rate"), r.getInteger("years")));
                    }
                    return list;
                });
    }

    /** The approved bases of a region (null: the city) or the one base, each with the enabled rules it meets. */
    public Uni<List<Evaluated>> evaluate(String regionCode, Long baseId) {
        return settings().flatMap(list -> {
            Map<RuleCode, RuleSetting> rules = new EnumMap<>(RuleCode.class);
            list.forEach(s -> rules.put(s.code(), s));
            return evaluate(rules, regionCode, baseId);
        });
    }

    private Uni<List<Evaluated>> evaluate(Map<RuleCode, RuleSetting> rules, String regionCode, Long baseId) {
        LocalDate today = clock.today();
        RuleSetting idle = rules.get(RuleCode.NO_INTERN_WITHIN_MONTHS);
        int months = idle.months() == null ? 12 : idle.months();
        String region = regionCode == null ? "" : regionCode;
        long base = baseId == null ? -1L : baseId;
        Map<Long, Evaluated> result = new LinkedHashMap<>();
        Uni<Void> bases = pool.preparedQuery("""
                        with b as (
                          select b.id, b.name, b.region_code, (b.decided_at at time zone 'Asia/Shanghai')::date as certified_on,
                                 e.operating_status, (e.status_changed_at at time zone 'Asia/Shanghai')::date as status_since
                          from base b join employer e on e.id = b.employer_id
                          where b.status = 'APPROVED' and ($1 = '' or b.region_code = $1) and ($2 = -1 or b.id = $2)
                        )
                        select b.*, (b.certified_on + make_interval(months => $3))::date as due,
                          (select count(*) from internship i where i.base_id = b.id and i.arrived_on is not null
                             and i.arrived_on < (b.certified_on + make_interval(months => $3))::date) as early_arrivals
                        from b order by b.region_code, b.id""")
                .execute(Tuple.of(region, base, months)).map(rows -> {
                    for (Row r : rows) {
                        LocalDate certified = r.getLocalDate("certified_on");
                        List<Hit> hits = new ArrayList<>();
                        Evaluated e = new Evaluated(r.getLong("id"), r.getString("name"), r.getString("region_code"), certified, hits);
                        result.put(e.baseId(), e);
                        LocalDate due = r.getLocalDate("due");
                        // The N months have passed once their last day is behind us: the base had all of them.
                        if (idle.enabled() && certified != null && !today.isBefore(due) && r.getLong("early_arrivals") == 0) {
                            hits.add(new Hit(RuleCode.NO_INTERN_WITHIN_MONTHS, certified + " 备案，备案后 " + months + " 个月内（至 "
                                    + due.minusDays(1) + "）到岗 0 人"));
                        }
                        String status = r.getString("operating_status");
                        if (rules.get(RuleCode.MARKET_DEREGISTERED).enabled() && status != null
                                && OperatingStatus.valueOf(status).deregistered()) {
                            LocalDate since = r.getLocalDate("status_since");
                            hits.add(new Hit(RuleCode.MARKET_DEREGISTERED, "经营状态：" + OperatingStatus.valueOf(status).label()
                                    + (since == null ? "" : "（自 " + since + "）")));
                        }
                    }
                    return null;
                });
        return bases.flatMap(v -> complaints(rules, region, base, result))
                .flatMap(v -> retention(rules, regionCode, baseId, today.getYear(), result))
                .map(v -> List.copyOf(result.values()));
    }

    private Uni<Void> complaints(Map<RuleCode, RuleSetting> rules, String region, long base, Map<Long, Evaluated> result) {
        if (!rules.get(RuleCode.SERIOUS_COMPLAINT_UPHELD).enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("""
                        select c.id, c.base_id, c.received_on, c.summary from base_complaint c
                        where c.serious and c.outcome = 'UPHELD' and ($1 = '' or c.region_code = $1) and ($2 = -1 or c.base_id = $2)
                        order by c.base_id, c.received_on, c.id""")
                .execute(Tuple.of(region, base)).map(rows -> {
                    Map<Long, List<String>> byBase = new LinkedHashMap<>();
                    for (Row r : rows) {
                        byBase.computeIfAbsent(r.getLong("base_id"), k -> new ArrayList<>())
                                .add("投诉 #" + r.getLong("id") + "（" + r.getLocalDate("received_on") + " 受理，严重，已查实）："
                                        + r.getString("summary"));
                    }
                    byBase.forEach((id, texts) -> {
                        Evaluated e = result.get(id);
                        if (e != null) {
                            e.hits().add(new Hit(RuleCode.SERIOUS_COMPLAINT_UPHELD, String.join("；", texts)));
                        }
                    });
                    return null;
                });
    }

    /** Each of the last N complete years must have completions and a retention rate below the threshold. */
    private Uni<Void> retention(Map<RuleCode, RuleSetting> rules, String regionCode, Long baseId, int currentYear,
                                Map<Long, Evaluated> result) {
        RuleSetting low = rules.get(RuleCode.LOW_RETENTION_YEARS);
        if (!low.enabled() || result.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int years = low.years();
        double threshold = low.rate().doubleValue();
        List<Map<Long, BaseYear>> perYear = new ArrayList<>();
        // One year after another on the pool: parallel statements of one request could wait for each other's connections.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int y = currentYear - years; y < currentYear; y++) {
            int year = y;
            chain = chain.flatMap(v -> figures.compute(regionCode, baseId, year).map(m -> {
                perYear.add(m);
                return null;
            }));
        }
        return chain.map(v -> {
            for (Evaluated e : result.values()) {
                List<String> parts = new ArrayList<>();
                boolean all = true;
                for (int i = 0; i < perYear.size() && all; i++) {
                    BaseYear by = perYear.get(i).get(e.baseId());
                    Double rate = by == null ? null : by.retentionRate();
                    if (rate == null || rate >= threshold) {
                        all = false;
                    } else {
                        parts.add((currentYear - years + i) + " 年 " + percent(rate) + "（完成 " + by.completed()
                                + " 人，留用 " + by.retained() + " 人）");
                    }
                }
                if (all) {
                    e.hits().add(new Hit(RuleCode.LOW_RETENTION_YEARS, "留用率 " + String.join("，", parts) + "，均低于 "
                            + percent(threshold)));
                }
            }
            return null;
        });
    }

    static String percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
