package cq.jianxi.report.service;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard on frozen tables: each of the notice's rules refuses a table that breaks it. */
class ReportRulesTest {

    private static Map<Integer, BigDecimal> valid() {
        Map<Integer, BigDecimal> v = new HashMap<>();
        int[] values = {0, 50, 3, 400, 40, 30, 20, 12, 9, 5, 3, 2, 1, 38, 0};
        for (int no = 1; no <= 14; no++) {
            v.put(no, BigDecimal.valueOf(values[no]));
        }
        return v;
    }

    private static List<String> rules(Map<Integer, BigDecimal> v) {
        List<MonthlyReportService.Cell> cells = new ArrayList<>();
        v.forEach((no, value) -> cells.add(new MonthlyReportService.Cell(no, "指标" + no, value, null)));
        return MonthlyReportService.check(cells).stream().map(MonthlyReportService.Finding::rule).toList();
    }

    @Test
    void aConsistentMonthPasses() {
        assertEquals(List.of(), rules(valid()));
    }

    @Test
    void eachRuleRefusesACraftedReport() {
        record Case(int no, int value, String rule) {
        }
        for (Case c : List.of(new Case(2, 60, "1≥2"), new Case(4, 500, "3≥4"), new Case(5, 10, "5≥6"),
                new Case(7, 25, "6≥7"), new Case(11, 6, "8≥9+11"), new Case(10, 6, "9≥10"))) {
            Map<Integer, BigDecimal> v = valid();
            v.put(c.no(), BigDecimal.valueOf(c.value()));
            assertTrue(rules(v).contains(c.rule()), c.rule() + " should refuse " + v);
        }
    }

    @Test
    void driftListsOnlyTheCellsThatChanged() {
        List<MonthlyReportService.Cell> frozen = List.of(new MonthlyReportService.Cell(6, "到岗", BigDecimal.valueOf(3), null),
                new MonthlyReportService.Cell(14, "补贴", new BigDecimal("0.13"), new BigDecimal("1300.00")));
        List<MonthlyReportService.Cell> now = List.of(new MonthlyReportService.Cell(6, "到岗", BigDecimal.valueOf(4), null),
                new MonthlyReportService.Cell(14, "补贴", new BigDecimal("0.13"), new BigDecimal("1300.00")));
        var drift = MonthlyReportService.drift(new MonthlyReportService.Tables(frozen, List.of()),
                new MonthlyReportService.Tables(now, List.of()));
        assertEquals(1, drift.size());
        assertEquals(6, drift.get(0).no());
        assertEquals(BigDecimal.valueOf(3), drift.get(0).frozen());
        assertEquals(BigDecimal.valueOf(4), drift.get(0).current());
    }
}
