package cq.jianxi.quality;

import cq.jianxi.support.Api;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts and crafted records for the quality tests: its own district admins of 江津区 (500116) and 合川区
 * (500117) and a city admin, so that no other test's records meet a rule here and no shared session is used.
 */
final class QualityFixture {

    static final String REGION = "500116";
    static final String OTHER_REGION = "500117";
    static final String DISTRICT = "q_jiangjin";
    static final String OTHER_DISTRICT = "q_hechuan";
    static final String CITY = "q_city";
    static final String PASSWORD = "Quality#Pass2026";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private QualityFixture() {
    }

    static synchronized void accounts() {
        TestDb.createUser(DISTRICT, PASSWORD, "DISTRICT_ADMIN", REGION, null);
        TestDb.createUser(OTHER_DISTRICT, PASSWORD, "DISTRICT_ADMIN", OTHER_REGION, null);
        TestDb.createUser(CITY, PASSWORD, "CITY_ADMIN", null, null);
    }

    static RequestSpecification as(String user) {
        return Api.as(user, PASSWORD);
    }

    static RequestSpecification json(String user, Object body) {
        return as(user).contentType(ContentType.JSON).body(body);
    }

    /** An approved base of 江津区 with a base account; returns {baseId, username}. */
    static Object[] base(String name) {
        String username = "q_base_" + SERIAL.incrementAndGet() + "_" + System.nanoTime() % 100000;
        JsonPath filed = json(DISTRICT, Recruitment.application(REGION, name, "PRIVATE", username))
                .post("/api/bases/applications").then().statusCode(201).extract().jsonPath();
        return new Object[]{filed.getLong("id"), username};
    }

    static long baseId(String name) {
        return (Long) base(name)[0];
    }

    /** Sets when the base was certified (Chongqing time) and its filing year. */
    static void certified(long base, String chongqingDateTime) {
        TestDb.update("update base set decided_at = (?::timestamp at time zone 'Asia/Shanghai'), filed_year = extract(year from ?::timestamp)"
                + " where id = ?", chongqingDateTime, chongqingDateTime, base);
    }

    static long position(long base, String status) {
        return Long.parseLong(TestDb.text("""
                insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                      duration_months, deadline, status)
                values (?, '质量岗位', 'TECHNICAL', 10, 'ANY', '用于资格测试', ?, 2300, 6, '2026-12-31', ?) returning id::text""",
                base, REGION, status));
    }

    static long youth(String name) {
        String key = name + SERIAL.incrementAndGet() + System.nanoTime();
        return Long.parseLong(TestDb.text("insert into youth (name, region_code, id_number_hash) values (?, ?, md5(?) || md5(?)) returning id::text",
                name, REGION, key, key + "x"));
    }

    /** A completed internship of three months ending on {@code end}; retained or not. */
    static long completed(long base, long position, String start, String end, boolean retained) {
        return Long.parseLong(TestDb.text("""
                        insert into internship (youth_id, base_id, position_id, region_code, state, start_date, arrived_on, planned_end,
                                                actual_end, monthly_allowance, unemployed_graduate, outcome)
                        values (?, ?, ?, ?, 'COMPLETED', ?::date, ?::date, ?::date, ?::date, 2300, false, ?) returning id::text""",
                youth("质量见习"), base, position, REGION, start, start, end, end, retained ? "RETAINED" : "NOT_EMPLOYED"));
    }

    /** An internship on post since {@code arrived}, planned for six months. */
    static long onPost(long base, long position, String arrived, String plannedEnd) {
        return Long.parseLong(TestDb.text("""
                        insert into internship (youth_id, base_id, position_id, region_code, state, start_date, arrived_on, planned_end,
                                                monthly_allowance, unemployed_graduate)
                        values (?, ?, ?, ?, 'ON_POST', ?::date, ?::date, ?::date, 2300, false) returning id::text""",
                youth("典型见习"), base, position, REGION, arrived, arrived, plannedEnd));
    }
}
