package cq.jianxi.report.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The eight Annex 2 columns of the annual report in their official order, with their labels, read off a
 * {@link AnnualReportService.RegionYear}; the submission's drift, totals and workbook all walk this list.
 */
public final class AnnualFigures {

    /** One column: its JSON key, its label, and how to read it. */
    public record Column(String key, String label, Function<AnnualReportService.RegionYear, AnnualReportService.Figure> read) {
    }

    public static final List<Column> COLUMNS = List.of(
            new Column("newBases", "新增见习基地", AnnualReportService.RegionYear::newBases),
            new Column("newKeyEnterpriseBases", "其中重点企业", AnnualReportService.RegionYear::newKeyEnterpriseBases),
            new Column("positions", "募集见习岗位", AnnualReportService.RegionYear::positions),
            new Column("participants", "组织见习人数", AnnualReportService.RegionYear::participants),
            new Column("policySessions", "政策宣讲", AnnualReportService.RegionYear::policySessions),
            new Column("matchingEvents", "供需对接活动", AnnualReportService.RegionYear::matchingEvents),
            new Column("typicalPersons", "选树典型人物", AnnualReportService.RegionYear::typicalPersons),
            new Column("nationalNominations", "推荐国家级典型", AnnualReportService.RegionYear::nationalNominations));

    private AnnualFigures() {
    }

    /** A column whose achieved figure differs between the frozen submission and today's records. */
    public record Drift(String key, String label, Long frozen, Long current) {
    }

    public static List<Drift> drift(AnnualReportService.RegionYear frozen, AnnualReportService.RegionYear live) {
        List<Drift> list = new ArrayList<>();
        if (frozen == null || live == null) {
            return list;
        }
        for (Column c : COLUMNS) {
            Long was = c.read().apply(frozen).achieved();
            Long now = c.read().apply(live).achieved();
            if (was == null ? now != null : !was.equals(now)) {
                list.add(new Drift(c.key(), c.label(), was, now));
            }
        }
        return list;
    }

    /**
     * The sum of the rows: targets add up, achievements add up where recorded (null when no row records the
     * column). The service rate is a ratio frozen per region without its counts, so the total row has none.
     */
    public static AnnualReportService.RegionYear total(String code, String name, List<AnnualReportService.RegionYear> rows) {
        List<AnnualReportService.Figure> sums = new ArrayList<>();
        for (Column c : COLUMNS) {
            long target = 0;
            Long achieved = null;
            for (AnnualReportService.RegionYear r : rows) {
                AnnualReportService.Figure f = c.read().apply(r);
                target += f.target();
                if (f.achieved() != null) {
                    achieved = (achieved == null ? 0 : achieved) + f.achieved();
                }
            }
            sums.add(new AnnualReportService.Figure(target, achieved));
        }
        return new AnnualReportService.RegionYear(code, name, sums.get(0), sums.get(1), sums.get(2), sums.get(3), sums.get(4),
                sums.get(5), sums.get(6), sums.get(7), null);
    }
}
