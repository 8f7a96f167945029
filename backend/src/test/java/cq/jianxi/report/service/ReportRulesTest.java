package cq.jianxi.report.service;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportRulesTest {

    /** A consistent month: every rule holds. */
    private static Map<Integer, BigDecimal> valid() {
        Map<Integer, BigDecimal> v = new HashMap<>();
        int[] values = {0, 50, 3, 400, 40, 30, 20, 12, 9, 5, 3, 2, 1, 38, 0};
        for (int no = 1; no <= 14; no++) {
            v.put(no, BigDecimal.valueOf(values[no]));
        }
        return v;
    }

    private static List<String> rules(Map<Integer, BigDecimal> v) {
        // previous on post 28: 28 + 20 - 9 - 1 = 38
        return MonthlyReportService.check(v, BigDecimal.valueOf(28)).stream().map(MonthlyReportService.Finding::rule).toList();
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
                new Case(7, 25, "6≥7"), new Case(11, 6, "8≥9+11"), new Case(10, 6, "9≥10"), new Case(13, 37, "continuity"))) {
            Map<Integer, BigDecimal> v = valid();
            v.put(c.no(), BigDecimal.valueOf(c.value()));
            assertEquals(true, rules(v).contains(c.rule()), c.rule() + " should refuse " + v);
        }
    }

    @Test
    void aMissingIndicatorFiveIsReported() {
        Map<Integer, BigDecimal> v = valid();
        v.put(5, null);
        assertEquals(List.of("5"), rules(v));
    }
}
