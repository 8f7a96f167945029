package cq.jianxi.report.service;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exports a month's tables as official xlsx: a region's one row with its filler in the footer, or the
 * city's 41 rows and a total row. Accepted and submitted reports export their frozen values.
 */
@ApplicationScoped
public class ReportExportService {

    @Inject
    MonthlyReportWorkflow workflow;
    @Inject
    PersonalDataCipher cipher;

    @WithSession
    public Uni<byte[]> annex4(Caller caller, String regionCode, YearMonth period) {
        return export(caller, regionCode, period, MonthlyReportService.Report::annex4)
                .map(t -> ReportWorkbook.annex4(period, t.filler(), t.lines()));
    }

    @WithSession
    public Uni<byte[]> annex5(Caller caller, String regionCode, YearMonth period) {
        return export(caller, regionCode, period, MonthlyReportService.Report::annex5)
                .map(t -> ReportWorkbook.annex5(period, t.filler(), t.lines()));
    }

    private record Table(ReportWorkbook.Filler filler, List<ReportWorkbook.Line> lines) {
    }

    private Uni<Table> export(Caller caller, String regionCode, YearMonth period,
                              Function<MonthlyReportService.Report, List<MonthlyReportService.Cell>> table) {
        if (!MonthlyReportService.CITY.equals(regionCode)) {
            return workflow.view(caller, regionCode, period, false).flatMap(report -> filler(regionCode, period)
                    .map(filler -> new Table(filler, List.of(line(filler.unit().replace("人力资源和社会保障局", ""),
                            table.apply(report))))));
        }
        // Check the caller once through the city view, then read each region.
        return workflow.view(caller, MonthlyReportService.CITY, period, false).flatMap(city -> regions().flatMap(regions -> {
            Uni<List<ReportWorkbook.Line>> chain = Uni.createFrom().item(new ArrayList<>());
            for (String[] region : regions) {
                chain = chain.flatMap(lines -> workflow.view(caller, region[0], period, false).map(r -> {
                    lines.add(line(region[1], table.apply(r)));
                    return lines;
                }));
            }
            return chain.map(lines -> {
                int width = lines.get(0).values().size();
                List<BigDecimal> total = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (ReportWorkbook.Line l : lines) {
                        if (l.values().get(c) != null) {
                            sum = sum.add(l.values().get(c));
                        }
                    }
                    total.add(sum);
                }
                lines.add(new ReportWorkbook.Line("合计", total));
                return new Table(new ReportWorkbook.Filler("重庆市人力资源和社会保障局", "", "", ""), lines);
            });
        }));
    }

    private static ReportWorkbook.Line line(String label, List<MonthlyReportService.Cell> cells) {
        return new ReportWorkbook.Line(label, cells.stream().map(MonthlyReportService.Cell::value).toList());
    }

    private Uni<List<String[]>> regions() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("select code, short_name from region order by seq", Object[].class)
                .getResultList()).map(rows -> rows.stream().map(r -> new String[]{(String) r[0], (String) r[1]}).toList());
    }

    private Uni<ReportWorkbook.Filler> filler(String regionCode, YearMonth period) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        select r.short_name, m.filled_by, m.filled_phone_enc, cast(m.filled_on as varchar)
                        from region r left join lateral (select * from monthly_report x where x.region_code = r.code
                             and x.period = :period and x.status <> 'SUPERSEDED' order by x.version desc limit 1) m on true
                        where r.code = :region""", Object[].class)
                .setParameter("period", period.atDay(1)).setParameter("region", regionCode).getSingleResult())
                .map(r -> new ReportWorkbook.Filler(r[0] + "人力资源和社会保障局", (String) r[1],
                        r[2] == null ? null : cipher.decrypt((String) r[2]), (String) r[3]));
    }
}
