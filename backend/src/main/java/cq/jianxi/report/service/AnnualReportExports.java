package cq.jianxi.report.service;

import cq.jianxi.common.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The annual implementation report as an xlsx: a row per region with its eight targets and achievements, and the departments' tasks. */
@ApplicationScoped
public class AnnualReportExports {

    @Inject
    AnnualReportService annual;

    public Uni<byte[]> annualWorkbook(Caller caller, int year) {
        return annual.compute(caller, year).map(a -> {
            List<ReportWorkbook.Line> lines = new ArrayList<>();
            for (AnnualReportService.RegionYear r : a.regions()) {
                List<BigDecimal> values = new ArrayList<>();
                for (AnnualReportService.Figure f : List.of(r.newBases(), r.newKeyEnterpriseBases(), r.positions(),
                        r.participants(), r.policySessions(), r.matchingEvents(), r.typicalPersons(), r.nationalNominations())) {
                    values.add(BigDecimal.valueOf(f.target()));
                    values.add(f.achieved() == null ? null : BigDecimal.valueOf(f.achieved()));
                }
                values.add(r.serviceRate() == null ? null
                        : BigDecimal.valueOf(r.serviceRate() * 100).setScale(2, RoundingMode.HALF_UP));
                lines.add(new ReportWorkbook.Line(r.regionName(), values));
            }
            return ReportWorkbook.annual(year, lines, a.departments().stream()
                    .map(d -> new ReportWorkbook.Line(d.name(), List.of(BigDecimal.valueOf(d.positions().target()),
                            BigDecimal.valueOf(d.positions().achieved())))).toList());
        });
    }
}
