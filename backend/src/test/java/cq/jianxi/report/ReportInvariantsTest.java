package cq.jianxi.report;

import cq.jianxi.report.readmodel.MonthlyFigures;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the monthly figures over randomly generated histories: the notice's rules hold for
 * every region and month, the interns on post reconcile from month to month, the city equals the sum
 * of its regions (indicator 14 rounded once) in the JSON and the xlsx, and reading reports under
 * heavy concurrency always completes.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportInvariantsTest {

    static final List<String> REGIONS = List.of("500230", "500231", "500233", "500235", "500236", "500237", "500238", "500240");
    static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000);
    static final String[] STATES = {"PENDING", "SIGNED", "NO_SHOW", "ON_POST", "COMPLETED", "RETAINED_EARLY", "ABNORMAL"};

    @Inject
    MonthlyFigures figures;

    @Test
    void everyRuleAndTheReconciliationHoldForRandomHistoriesInEveryRegionAndMonth() {
        for (long seed = 1; seed <= 6; seed++) {
            generate(new Random(seed), REGIONS.get((int) (seed % REGIONS.size())));
        }
        Map<String, MonthlyFigures.Figures> previous = null;
        for (YearMonth m = YearMonth.of(2025, 1); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
            Map<String, MonthlyFigures.Figures> all = figures.compute(null, m).await().indefinitely();
            assertEquals(41, all.size());
            for (MonthlyFigures.Figures f : all.values()) {
                Map<Integer, Long> v = f.annex4();
                String where = f.regionCode() + " " + m + " " + v;
                assertTrue(v.get(1) >= v.get(2), "1≥2 " + where);
                assertTrue(v.get(3) >= v.get(4), "3≥4 " + where);
                assertTrue(v.get(5) >= v.get(6) && v.get(6) >= v.get(7), "5≥6≥7 " + where);
                assertTrue(v.get(8) >= v.get(9) + v.get(11), "8≥9+11 " + where);
                assertTrue(v.get(9) >= v.get(10), "9≥10 " + where);
                assertEquals(v.get(13), f.previousOnPost() + f.arrivals() - v.get(8) - v.get(12) - f.lapsed(), "on post " + where);
                if (previous != null) {
                    assertEquals(previous.get(f.regionCode()).annex4().get(13), f.previousOnPost(), "continuity " + where);
                }
            }
            previous = all;
        }
    }

    @Test
    void theCityIsTheSumOfItsRegionsInTheJsonAndTheXlsxWithIndicatorFourteenRoundedOnce() throws Exception {
        Random random = new Random(42);
        for (String region : REGIONS) {
            generate(random, region);
        }
        // Three payments of 1,234.56 in three regions: rounded per region 0.12 each (0.36), exactly 0.37.
        for (String region : REGIONS.subList(0, 3)) {
            long internship = internship(region, random, "ON_POST");
            pay(internship, region, "2026-03-10", "1234.56");
        }
        for (String period : List.of("2026-03", "2026-06")) {
            JsonPath city = Api.as("admin").get("/api/reports/monthly/CITY/" + period).then().statusCode(200).extract().jsonPath();
            long[] sum = new long[15];
            BigDecimal paid = BigDecimal.ZERO;
            List<String> codes = TestDb.texts("select code from region order by seq");
            for (String code : codes) {
                JsonPath r = Api.as("admin").queryParam("live", true).get("/api/reports/monthly/" + code + "/" + period)
                        .then().statusCode(200).extract().jsonPath();
                for (int no = 1; no <= 13; no++) {
                    sum[no] += r.getLong("annex4.find { it.no == " + no + " }.value");
                }
                paid = paid.add(new BigDecimal(TestDb.text("select coalesce(sum(amount), 0)::text from disbursement where region_code = ?"
                        + " and paid_on between ?::date and ?::date", code, period.substring(0, 4) + "-01-01",
                        YearMonth.parse(period).atEndOfMonth().toString())));
            }
            byte[] xlsx = Api.as("admin").get("/api/reports/monthly/CITY/" + period + "/annex4.xlsx").then().statusCode(200)
                    .extract().asByteArray();
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                var total = wb.getSheetAt(0).getRow(6 + 41);
                assertEquals("合计", total.getCell(0).getStringCellValue());
                for (int no = 1; no <= 13; no++) {
                    assertEquals(sum[no], city.getLong("annex4.find { it.no == " + no + " }.value"), "JSON " + period + " #" + no);
                    assertEquals(sum[no], (long) total.getCell(no).getNumericCellValue(), "xlsx " + period + " #" + no);
                }
                BigDecimal wan = paid.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
                assertEquals(0, wan.compareTo(new BigDecimal(city.getString("annex4.find { it.no == 14 }.value"))), "JSON 14");
                assertEquals(wan.doubleValue(), total.getCell(14).getNumericCellValue(), 1e-9, "xlsx 14");
            }
        }
    }

    @Test
    void readingReportsUnderSixtyFourConcurrentRequestsAlwaysCompletes() throws Exception {
        String token = Api.token("admin");
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String path = switch (i % 3) {
                    case 0 -> "/api/reports/monthly/500101/2026-03";
                    case 1 -> "/api/reports/monthly/CITY/2026-03";
                    default -> "/api/reports/monthly/CITY/2026-03/annex4.xlsx";
                };
                calls.add(() -> io.restassured.RestAssured.given().auth().oauth2(token).get(path).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- random histories, written straight to the database with the schema's own constraints ----

    private static void generate(Random random, String region) {
        int bases = 2 + random.nextInt(3);
        for (int b = 0; b < bases; b++) {
            LocalDate approved = day(random, 2025, 1, 2026, 10);
            String employerStatus = random.nextInt(5) == 0 ? "DEREGISTERED" : "OPERATING";
            long employer = Long.parseLong(TestDb.text("""
                    insert into employer (credit_code, name, region_code, industry, ownership, operating_status, status_changed_at)
                    values (?, ?, ?, '制造业', 'PRIVATE', ?, ?::timestamptz) returning id::text""",
                    "9150" + String.format("%014d", SERIAL.incrementAndGet()), "随机单位" + SERIAL.get(), region, employerStatus,
                    day(random, 2025, 1, 2026, 12) + " 12:00+08"));
            boolean revoked = random.nextInt(4) == 0;
            LocalDate revokedOn = approved.plusDays(random.nextInt(200));
            long base = Long.parseLong(TestDb.text("""
                    insert into base (name, region_code, employer_id, status, decided_at, filed_year, revoked_at, revoke_reason)
                    values ('随机基地', ?, ?, ?, ?::timestamptz, ?, ?::timestamptz, ?) returning id::text""",
                    region, employer, revoked ? "REVOKED" : "APPROVED", approved + " 23:30+08", approved.getYear(),
                    revoked ? revokedOn + " 00:10+08" : null, revoked ? "随机撤销" : null));
            int positions = 1 + random.nextInt(4);
            for (int p = 0; p < positions; p++) {
                LocalDate published = approved.plusDays(random.nextInt(120));
                int close = random.nextInt(4);
                String reason = close == 0 ? null : new String[]{null, "FILLED", "EXPIRED", "WITHDRAWN"}[close];
                TestDb.update("""
                        insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                              duration_months, deadline, status, close_reason, first_published_at, published_year,
                                              closed_at, filled_count)
                        values (?, '随机岗位', 'OTHER', ?, 'ANY', '随机', ?, 2300, 6, '2027-12-31', ?, ?, ?::timestamptz, ?, ?::timestamptz, 0)""",
                        base, 1 + random.nextInt(9), region, reason == null ? "PUBLISHED" : "CLOSED", reason,
                        published + " 09:00+08", published.getYear(),
                        reason == null ? null : published.plusDays(random.nextInt(90)) + " 18:00+08");
            }
        }
        for (int i = 0; i < 12 + random.nextInt(10); i++) {
            String state = STATES[random.nextInt(STATES.length)];
            long internship = internship(region, random, state);
            if (random.nextInt(3) == 0) {
                pay(internship, region, day(random, 2025, 1, 2026, 10).toString(), (500 + random.nextInt(3000)) + "." + random.nextInt(10) + "5");
            }
        }
    }

    private static long internship(String region, Random random, String state) {
        long base = Long.parseLong(TestDb.text("select id::text from base where region_code = ? order by id desc limit 1", region));
        long position = Long.parseLong(TestDb.text("select id::text from position where base_id = ? order by id limit 1", base));
        long youth = Long.parseLong(TestDb.text("insert into youth (name, region_code, id_number_hash) values ('随机青年', ?, md5(?) || md5(?)) returning id::text",
                region, "y" + SERIAL.incrementAndGet(), "z" + SERIAL.get()));
        LocalDate start = day(random, 2025, 1, 2026, 10);
        LocalDate plannedEnd = start.plusMonths(3 + random.nextInt(10)).minusDays(1);
        boolean arrived = List.of("ON_POST", "COMPLETED", "RETAINED_EARLY", "ABNORMAL").contains(state);
        LocalDate arrivedOn = arrived ? start.plusDays(random.nextInt(10)) : null;
        LocalDate end = switch (state) {
            case "COMPLETED" -> plannedEnd;
            case "RETAINED_EARLY", "ABNORMAL" -> arrivedOn.plusDays(random.nextInt((int) (plannedEnd.toEpochDay() - arrivedOn.toEpochDay())));
            default -> null;
        };
        String outcome = switch (state) {
            case "RETAINED_EARLY" -> "RETAINED";
            case "COMPLETED" -> new String[]{null, "RETAINED", "EMPLOYED_ELSEWHERE", "NOT_EMPLOYED"}[random.nextInt(4)];
            default -> null;
        };
        return Long.parseLong(TestDb.text("""
                        insert into internship (youth_id, base_id, position_id, region_code, state, start_date, arrived_on, planned_end,
                                                actual_end, monthly_allowance, unemployed_graduate, end_reason, outcome, outcome_channel,
                                                agreement_signed_at)
                        values (?, ?, ?, ?, ?, ?::date, ?::date, ?::date, ?::date, 2300, ?, ?, ?, ?, ?::timestamptz) returning id::text""",
                youth, base, position, region, state, start.toString(), arrivedOn == null ? null : arrivedOn.toString(),
                plannedEnd.toString(), end == null ? null : end.toString(), random.nextBoolean(),
                "ABNORMAL".equals(state) || "NO_SHOW".equals(state) ? "随机原因" : null, outcome,
                "EMPLOYED_ELSEWHERE".equals(outcome) ? "OWN_SEARCH" : null,
                "PENDING".equals(state) ? null : start.minusDays(3) + " 10:00+08"));
    }

    private static void pay(long internship, String region, String paidOn, String amount) {
        long claim = Long.parseLong(TestDb.text("""
                insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount, approved_amount)
                select id, date_trunc('month', ?::date)::date, base_id, region_code, 'APPROVED', ?::numeric, ?::numeric
                from internship where id = ? returning id::text""", paidOn, amount, amount, internship));
        TestDb.update("insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by) values (?, ?, ?::date, ?::numeric, 'DISTRICT', 'test')",
                claim, region, paidOn, amount);
    }

    private static LocalDate day(Random random, int fromYear, int fromMonth, int toYear, int toMonth) {
        long from = LocalDate.of(fromYear, fromMonth, 1).toEpochDay();
        long to = YearMonth.of(toYear, toMonth).atEndOfMonth().toEpochDay();
        return LocalDate.ofEpochDay(from + (long) (random.nextDouble() * (to - from)));
    }
}
