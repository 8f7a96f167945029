package cq.jianxi.report.service;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.security.Caller;
import cq.jianxi.region.service.Regions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Exports a month's tables as official xlsx: a region's one row with its filler in the footer, or the
 * city's 41 rows and the 合计 row. The city's rows and total come from the same composition as the
 * city's JSON, so the total row shows the city's figures (indicator 14 rounded once, not summed from
 * rounded rows).
 */
@ApplicationScoped
public class ReportExportService {

    @Inject
    Regions regions;
    @Inject
    MonthlyReportService reports;
    @Inject
    PersonalDataCipher cipher;
    @Inject
    Pool pool;

    public Uni<byte[]> annex4(Caller caller, String regionCode, YearMonth period) {
        return export(caller, regionCode, period, MonthlyReportService.Tables::annex4)
                .map(t -> ReportWorkbook.annex4(period, t.filler(), t.lines()));
    }

    public Uni<byte[]> annex5(Caller caller, String regionCode, YearMonth period) {
        return export(caller, regionCode, period, MonthlyReportService.Tables::annex5)
                .map(t -> ReportWorkbook.annex5(period, t.filler(), t.lines()));
    }

    private record Table(ReportWorkbook.Filler filler, List<ReportWorkbook.Line> lines) {
    }

    private Uni<Table> export(Caller caller, String regionCode, YearMonth period,
                              Function<MonthlyReportService.Tables, List<MonthlyReportService.Cell>> table) {
        MonthlyReportService.requireReader(caller, regionCode);
        if (!MonthlyReportService.CITY.equals(regionCode)) {
            return reports.region(caller, regionCode, period, false).flatMap(report -> filler(regionCode, period)
                    .map(filler -> new Table(filler, List.of(line(filler.unit().replace("人力资源和社会保障局", ""),
                            table.apply(new MonthlyReportService.Tables(report.annex4(), report.annex5())))))));
        }
        return reports.cityTables(period, false).flatMap(c -> regionNames().map(names -> {
            List<ReportWorkbook.Line> lines = new ArrayList<>();
            c.shown().regions().forEach((code, tables) -> lines.add(line(names.getOrDefault(code, code), table.apply(tables))));
            lines.add(line("合计", table.apply(c.shown().city())));
            return new Table(new ReportWorkbook.Filler("重庆市人力资源和社会保障局", "", "", ""), lines);
        }));
    }

    private static ReportWorkbook.Line line(String label, List<MonthlyReportService.Cell> cells) {
        return new ReportWorkbook.Line(label, cells.stream().map(MonthlyReportService.Cell::value).toList());
    }

    private Uni<java.util.Map<String, String>> regionNames() {
        return regions.shortNames();
    }

    private Uni<ReportWorkbook.Filler> filler(String regionCode, YearMonth period) {
        return regions.findById(regionCode).flatMap(region -> pool.preparedQuery("""
                        select m.filled_by, m.filled_phone_enc, cast(m.filled_on as varchar) from monthly_report m
                        where m.region_code = $2 and m.period = $1 and m.status <> 'SUPERSEDED'
                        order by m.version desc limit 1""")
                .execute(Tuple.of(period.atDay(1), regionCode)).map(rows -> {
                    // A region without a report yet still gets its bureau's name on the sheet.
                    Row r = rows.iterator().hasNext() ? rows.iterator().next() : null;
                    return new ReportWorkbook.Filler(region.shortName + "人力资源和社会保障局",
                            r == null ? null : r.getString(0),
                            r == null || r.getString(1) == null ? null : cipher.decrypt(r.getString(1)),
                            r == null ? null : r.getString(2));
                }));
    }
}
