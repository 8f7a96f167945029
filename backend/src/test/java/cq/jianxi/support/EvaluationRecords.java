package cq.jianxi.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Crafted records for the yearly evaluation: approved bases, published positions, internships in each
 * state with their dates, monthly confirmations, claims and ratings — written straight to the tables,
 * as the go-live migration or a long year of the workflow would have left them.
 */
public final class EvaluationRecords {

    private EvaluationRecords() {
    }

    static long insert(String sql, Object... params) {
        try (Connection c = TestDb.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chongqing noon of a day, as stored. */
    public static OffsetDateTime at(LocalDate day) {
        return day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8));
    }

    /** An approved base (and its employer) certified on the day; established null when market regulation did not say. */
    public static long base(String region, String name, LocalDate certified, LocalDate established) {
        long employer = insert("""
                insert into employer (credit_code, name, region_code, industry, ownership, established_on)
                values (?, ?, ?, '软件和信息技术服务业', 'PRIVATE', ?) returning id""",
                Recruitment.newCreditCode(region), name, region, established);
        return insert("""
                insert into base (name, region_code, employer_id, status, contact_name, applied_at, decided_at, decided_by,
                                  filed_year, created_at)
                values (?, ?, ?, 'APPROVED', '张联系', ?, ?, 'system', ?, ?) returning id""",
                name, region, employer, at(certified.minusDays(10)), at(certified), certified.getYear(), at(certified.minusDays(10)));
    }

    /** A position published on the day. */
    public static long position(long base, String region, int headcount, LocalDate published) {
        return insert("""
                insert into position (base_id, title, category, headcount, education, description, region_code,
                                      monthly_allowance, duration_months, deadline, status, first_published_at, published_year)
                values (?, '评估岗位', 'TECHNICAL', ?, 'ANY', '评估用岗位', ?, 2000, 6, ?, 'PUBLISHED', ?, ?) returning id""",
                base, headcount, region, published.plusMonths(3), at(published), published.getYear());
    }

    /**
     * An internship of a new young person. state ON_POST/COMPLETED/RETAINED_EARLY/ABNORMAL arrive at start;
     * actualEnd is the end for ended states; outcome RETAINED / EMPLOYED_ELSEWHERE / NOT_EMPLOYED or null.
     */
    public static long internship(long base, long position, String region, String state, LocalDate start,
                                  LocalDate plannedEnd, LocalDate actualEnd, String outcome) {
        long youth = insert("insert into youth (name, region_code) values ('评估见习人员', ?) returning id", region);
        return insert("""
                insert into internship (youth_id, base_id, position_id, region_code, state, start_date, planned_end, actual_end,
                                        arrived_on, monthly_allowance, unemployed_graduate, end_reason, outcome, outcome_channel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 2000, false, ?, ?, ?) returning id""",
                youth, base, position, region, state, start, plannedEnd, actualEnd, start,
                "ABNORMAL".equals(state) ? "个人原因离岗" : null, outcome,
                "EMPLOYED_ELSEWHERE".equals(outcome) ? "OWN_SEARCH" : null);
    }

    /** The base's confirmation of a month (the 1st of it), at the given time. */
    public static void confirmed(long internship, LocalDate month, OffsetDateTime at) {
        TestDb.update("""
                insert into internship_month (internship_id, month, days_present, base_confirmed_at, base_confirmed_by)
                values (?, ?, 20, ?, 'base') on conflict (internship_id, month) do update set base_confirmed_at = excluded.base_confirmed_at""",
                internship, month, at);
    }

    /** The intern's flag on a month. */
    public static void flagged(long internship, LocalDate month) {
        TestDb.update("""
                insert into internship_month (internship_id, month, youth_flagged_at, youth_flag_reason) values (?, ?, now(), '未在岗')
                on conflict (internship_id, month) do update set youth_flagged_at = excluded.youth_flagged_at,
                  youth_flag_reason = excluded.youth_flag_reason""", internship, month);
    }

    /** A claim for a month, in a status. */
    public static void claim(long internship, long base, String region, LocalDate month, String status) {
        TestDb.update("""
                insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount, approved_amount,
                                           reject_reason, decided_at)
                values (?, ?, ?, ?, ?, 1000, ?, ?, ?)""", internship, month, base, region, status,
                "APPROVED".equals(status) || "PAID".equals(status) ? new java.math.BigDecimal("1000") : null,
                "REJECTED".equals(status) ? "材料不全" : null, "SUBMITTED".equals(status) ? null : OffsetDateTime.now());
    }

    public static void rated(long internship, int score) {
        TestDb.update("insert into internship_rating (internship_id, score, rated_at) values (?, ?, now())", internship, (short) score);
    }
}
