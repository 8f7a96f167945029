package cq.jianxi.report.service;

import cq.jianxi.common.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Indicators 6–14 of a region (or the city) for a month, live from the records: the same definitions
 * as the monthly report (report/readmodel/MonthlyFigures), never a second copy of them.
 */
@ApplicationScoped
public class InternshipIndicators {

    @Inject
    MonthlyReportService reports;

    public Uni<Map<Integer, BigDecimal>> compute(Caller caller, String regionCode, YearMonth month) {
        String region = regionCode == null || regionCode.isBlank() ? MonthlyReportService.CITY : regionCode.trim();
        MonthlyReportService.requireReader(caller, region);
        Uni<MonthlyReportService.Tables> tables = MonthlyReportService.CITY.equals(region)
                ? reports.liveCity(month)
                : reports.live(region, month).map(MonthlyReportService.LiveRegion::tables);
        return tables.map(t -> {
            Map<Integer, BigDecimal> values = new LinkedHashMap<>();
            t.annex4().stream().filter(c -> c.no() >= 6).forEach(c -> values.put(c.no(), c.value()));
            return values;
        });
    }
}
