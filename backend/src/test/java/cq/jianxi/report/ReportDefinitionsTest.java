package cq.jianxi.report;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each definition of docs/notice.md from crafted records around May 2026 in 城口县: the cases the first
 * version got wrong (a base filed and revoked within the month, a filled position, a withdrawn one, a
 * deregistered employer, a signed agreement without arrival, one person arriving twice, an internship
 * past its planned end, payments across the year boundary, a future activity, sign-ups, placements).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReportDefinitionsTest {

    static final String R = "500229";
    static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 100_000);
    static final Map<String, Long> ID = new LinkedHashMap<>();

    private static long base(String approvedAt, String revokedAt, String employerStatus, String statusChangedAt) {
        long employer = Long.parseLong(TestDb.text("""
                insert into employer (credit_code, name, region_code, industry, ownership, operating_status, status_changed_at)
                values (?, '口径单位', ?, '制造业', 'PRIVATE', ?, ?::timestamptz) returning id::text""",
                "9150022" + String.format("%011d", SERIAL.incrementAndGet()), R, employerStatus, statusChangedAt));
        return Long.parseLong(TestDb.text("""
                insert into base (name, region_code, employer_id, status, decided_at, filed_year, revoked_at, revoke_reason)
                values ('口径基地', ?, ?, ?, ?::timestamptz, 2026, ?::timestamptz, ?) returning id::text""",
                R, employer, revokedAt == null ? "APPROVED" : "REVOKED", approvedAt, revokedAt, revokedAt == null ? null : "撤销"));
    }

    private static long position(long base, int headcount, String publishedAt, String closeReason, String closedAt) {
        return Long.parseLong(TestDb.text("""
                insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                      duration_months, deadline, status, close_reason, first_published_at, published_year, closed_at)
                values (?, '口径岗位', 'OTHER', ?, 'ANY', '口径', ?, 2300, 6, '2026-12-31', ?, ?, ?::timestamptz, 2026, ?::timestamptz)
                returning id::text""", base, headcount, R, closeReason == null ? "PUBLISHED" : "CLOSED", closeReason, publishedAt, closedAt));
    }

    private static long youth(String education, String graduation, String birth) {
        return Long.parseLong(TestDb.text("""
                insert into youth (name, region_code, id_number_hash, education, graduation_date, birth_date, current_status)
                values ('口径青年', ?, md5(?) || md5(?), ?, ?::date, ?::date, 'UNEMPLOYED') returning id::text""",
                R, "k" + SERIAL.incrementAndGet(), "q" + SERIAL.get(), education, graduation, birth));
    }

    private static long internship(long youth, long base, long position, String state, String start, String arrived,
                                   String plannedEnd, String end, boolean graduate, String outcome) {
        return Long.parseLong(TestDb.text("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, arrived_on, planned_end,
                                        actual_end, monthly_allowance, unemployed_graduate, end_reason, outcome, outcome_channel,
                                        agreement_signed_at)
                values (?, ?, ?, ?, ?, ?::date, ?::date, ?::date, ?::date, 2300, ?, ?, ?, ?, ?::date) returning id::text""",
                youth, base, position, R, state, start, arrived, plannedEnd, end, graduate,
                "ABNORMAL".equals(state) || "NO_SHOW".equals(state) ? "原因" : null, outcome,
                "EMPLOYED_ELSEWHERE".equals(outcome) ? "OWN_SEARCH" : null, start));
    }

    private static void pay(long internship, String paidOn, String amount) {
        long claim = Long.parseLong(TestDb.text("""
                insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount, approved_amount)
                select id, date_trunc('month', ?::date - interval '1 month')::date, base_id, region_code, 'APPROVED', ?::numeric, ?::numeric
                from internship where id = ? returning id::text""", paidOn, amount, amount, internship));
        TestDb.update("insert into disbursement (claim_id, region_code, paid_on, amount, funding_level, recorded_by) values (?, ?, ?::date, ?::numeric, 'CITY', 'test')",
                claim, R, paidOn, amount);
    }

    private static long activity(String kind, String heldOn, int bases, int positions, int young, int graduates, int employers, int served) {
        return Long.parseLong(TestDb.text("""
                insert into activity (kind, region_code, held_on, title, organizer, venue, link, bases_count, positions_offered,
                                      unemployed_youth, graduates, employers_served, youth_served, created_by)
                values (?, ?, ?::date, '口径活动', '城口县人社局', '县城', 'https://example.invalid', ?, ?, ?, ?, ?, ?, 'test') returning id::text""",
                kind, R, heldOn, bases, positions, young, graduates, employers, served));
    }

    @BeforeAll
    static void history() {
        long b1 = base("2026-04-10 10:00+08", null, "OPERATING", null);
        long b2 = base("2026-05-05 10:00+08", null, "OPERATING", null);
        long b3 = base("2026-05-06 10:00+08", "2026-05-20 10:00+08", "OPERATING", null);   // filed and revoked in May
        long b4 = base("2026-03-01 10:00+08", null, "DEREGISTERED", "2026-05-15 10:00+08"); // 注销 in May
        base("2026-03-01 10:00+08", null, "DEREGISTERED", "2026-06-10 10:00+08");            // 注销 only in June
        base("2026-05-31 23:30+08", null, "OPERATING", null);                                // last evening of May
        base("2026-06-01 00:10+08", null, "OPERATING", null);                                // first minutes of June
        long p1 = position(b1, 5, "2026-04-20 09:00+08", null, null);
        long p2 = position(b1, 3, "2026-05-10 09:00+08", "FILLED", "2026-05-25 09:00+08");    // filled: still counts
        position(b2, 7, "2026-05-12 09:00+08", "WITHDRAWN", "2026-05-28 09:00+08");          // published and withdrawn in May
        position(b3, 4, "2026-05-07 09:00+08", null, null);                                  // of the revoked base
        position(b1, 2, "2026-04-01 09:00+08", "EXPIRED", "2026-06-05 09:00+08");            // expired after May
        position(b4, 6, "2026-04-01 09:00+08", null, null);                                  // of the deregistered employer
        position(b2, 9, "2026-06-01 00:10+08", null, null);                                  // June
        ID.put("p1", p1);

        internship(youth("BACHELOR", "2025-06-30", "2003-02-01"), b1, p1, "SIGNED", "2026-05-20", null, "2026-11-19", null, false, null);
        internship(youth("BACHELOR", "2025-06-30", "2003-02-01"), b1, p1, "ON_POST", "2026-05-03", "2026-05-03", "2026-08-02", null, true, null);
        long twice = youth("SECONDARY", null, "2005-03-01");
        internship(twice, b1, p1, "ABNORMAL", "2026-05-02", "2026-05-02", "2026-08-01", "2026-05-08", false, null);
        long placed = internship(twice, b1, p2, "ON_POST", "2026-05-15", "2026-05-15", "2026-08-14", null, false, null);
        internship(youth("SECONDARY", null, "2005-04-01"), b1, p1, "NO_SHOW", "2026-05-25", null, "2026-08-24", null, false, null);
        long lapsed = internship(youth("SECONDARY", null, "2005-05-01"), b1, p1, "ON_POST", "2026-02-01", "2026-02-01", "2026-05-10",
                null, false, null);
        internship(youth("BACHELOR", "2025-06-30", "2003-06-01"), b1, p1, "COMPLETED", "2026-02-01", "2026-02-01", "2026-05-31",
                "2026-05-31", false, "EMPLOYED_ELSEWHERE");
        internship(youth("BACHELOR", "2025-06-30", "2003-07-01"), b1, p1, "RETAINED_EARLY", "2026-03-01", "2026-03-01", "2026-08-31",
                "2026-05-20", true, "RETAINED");
        long june = internship(youth("SECONDARY", null, "2005-08-01"), b2, p1, "ON_POST", "2026-06-02", "2026-06-02", "2026-09-01",
                null, false, null);
        pay(lapsed, "2025-12-31", "500.00");
        pay(lapsed, "2026-01-15", "1000.00");
        pay(lapsed, "2026-05-31", "234.56");
        pay(lapsed, "2026-06-01", "999.00");

        long fair = activity("MATCHING_OFFLINE", "2026-05-10", 2, 10, 1, 3, 0, 0);
        activity("MATCHING_ONLINE", "2026-06-05", 5, 50, 5, 5, 0, 0);
        long session = activity("POLICY_SESSION", "2026-05-20", 0, 0, 0, 0, 4, 30);
        TestDb.update("insert into activity_signup (activity_id, base_id) values (?, ?)", fair, b1);
        TestDb.update("insert into activity_signup (activity_id, youth_id) values (?, ?)", fair, youth("BACHELOR", "2025-06-30", "2003-01-01"));
        TestDb.update("insert into activity_signup (activity_id, youth_id) values (?, ?)", fair, youth("SECONDARY", null, "2005-06-01"));
        TestDb.update("insert into activity_signup (activity_id, youth_id) values (?, ?)", fair, youth("SECONDARY", null, "1990-06-01"));
        TestDb.update("insert into activity_signup (activity_id, youth_id) values (?, ?)", session, youth("SECONDARY", null, "2005-06-01"));
        TestDb.update("insert into activity_placement (activity_id, internship_id) values (?, ?), (?, ?)", fair, placed, fair, june);
        // Around the pinned today (18 November): an event on the 10th was held, one on the 25th was not.
        activity("MATCHING_ONLINE", "2026-11-10", 0, 0, 0, 0, 0, 0);
        activity("MATCHING_ONLINE", "2026-11-25", 0, 0, 0, 0, 0, 0);
    }

    private static JsonPath report(String period) {
        return Api.as("admin").queryParam("live", true).get("/api/reports/monthly/" + R + "/" + period).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String a4(JsonPath r, int no) {
        return new java.math.BigDecimal(r.getString("annex4.find { it.no == " + no + " }.value")).stripTrailingZeros().toPlainString();
    }

    private static int a5(JsonPath r, int no) {
        return r.getInt("annex5.find { it.no == " + no + " }.value");
    }

    @Test
    void basesCountWhenApprovedByTheMonthsEndAndNotRevokedOrDeregisteredByIt() {
        JsonPath may = report("2026-05");
        assertEquals("4", a4(may, 1));
        assertEquals("2", a4(may, 2));
    }

    @Test
    void positionsCountTheirHeadcountUntilWithdrawnOrExpiredButFilledOnesStay() {
        JsonPath may = report("2026-05");
        assertEquals("10", a4(may, 3));
        assertEquals("3", a4(may, 4));
    }

    @Test
    void peopleAreCountedOnceAndArrivalIsNotSigning() {
        JsonPath may = report("2026-05");
        assertEquals("4", a4(may, 5));
        assertEquals("2", a4(may, 6));
        assertEquals("1", a4(may, 7));
        assertEquals("2", a4(may, 8));
        assertEquals("1", a4(may, 9));
        assertEquals("1", a4(may, 10));
        assertEquals("1", a4(may, 11));
        assertEquals("1", a4(may, 12));
    }

    @Test
    void anInternshipPastItsPlannedEndLeavesTheInternsOnPostForTheToBeClosedList() {
        JsonPath may = report("2026-05");
        assertEquals("2", a4(may, 13));
        assertEquals(3, may.getInt("reconciliation.previousOnPost"));
        assertEquals(3, may.getInt("reconciliation.arrivals"));
        assertEquals(1, may.getInt("reconciliation.lapsed"));
        assertEquals(1, may.getInt("reconciliation.toBeClosed"));
        assertEquals(2, may.getInt("reconciliation.onPost"));
    }

    @Test
    void paymentsAccumulateFromTheFirstOfJanuaryToTheMonthsEndInWanWithTwoDecimals() {
        assertEquals("0.12", a4(report("2026-05"), 14));
        assertEquals("0.22", a4(report("2026-06"), 14));
    }

    @Test
    void activitiesCountSignUpsAttendeesAndPlacementsInTheMonthOfArrival() {
        JsonPath may = report("2026-05");
        assertEquals(0, a5(may, 1));
        assertEquals(1, a5(may, 2));
        assertEquals(1 + 2, a5(may, 3));
        assertEquals(3 + 10, a5(may, 4));
        assertEquals(1 + 1, a5(may, 5));
        assertEquals(1 + 3, a5(may, 6));
        assertEquals(1, a5(may, 7));
        assertEquals(1, a5(may, 8));
        assertEquals(4, a5(may, 9));
        assertEquals(1 + 30, a5(may, 10));
        JsonPath june = report("2026-06");
        assertEquals(1, a5(june, 1));
        assertEquals(1, a5(june, 7));
        assertEquals(1, a5(report("2026-11"), 1));
    }
}
