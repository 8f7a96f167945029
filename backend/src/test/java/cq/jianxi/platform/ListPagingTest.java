package cq.jianxi.platform;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No list is silently cut: each list endpoint pages with page and size and tells the total, and rows
 * beyond the first page are reached by asking for the next ones.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ListPagingTest {

    static final int ROWS = 3;
    static final String BASE_USER = "paging_base";

    static long base;
    static long position;
    static final List<Long> internships = new ArrayList<>();
    static final List<Long> claims = new ArrayList<>();
    static final List<Long> applications = new ArrayList<>();
    static final List<Long> activities = new ArrayList<>();
    static final List<Long> batches = new ArrayList<>();

    /** Once per class, when the application is up (a static @BeforeAll runs before it listens). */
    @BeforeEach
    void rowsToPage() {
        if (base != 0) {
            return;
        }
        base = Recruitment.approvedBase(BASE_USER, "PRIVATE");
        position = Long.parseLong(TestDb.text("""
                insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                      duration_months, deadline, status)
                values (?, '分页岗位', 'TECHNICAL', 10, 'ANY', '用于分页测试', '500101', 2300, 6, '2026-12-31', 'PUBLISHED') returning id::text""",
                base));
        for (int i = 0; i < ROWS; i++) {
            long youth = Long.parseLong(TestDb.text(
                    "insert into youth (name, region_code, id_number_hash) values (?, '500101', md5(?) || md5(?)) returning id::text",
                    "分页" + i, "paging" + i, "paging" + i));
            long internship = Long.parseLong(TestDb.text("""
                    insert into internship (youth_id, base_id, position_id, region_code, state, start_date, arrived_on, planned_end,
                                            monthly_allowance, unemployed_graduate)
                    values (?, ?, ?, '500101', 'ON_POST', '2026-01-05', '2026-01-05', '2026-07-04', 2300, true) returning id::text""",
                    youth, base, position));
            internships.add(internship);
            claims.add(Long.parseLong(TestDb.text("""
                    insert into subsidy_claim (internship_id, month, base_id, region_code, status, requested_amount)
                    values (?, '2026-02-01', ?, '500101', 'SUBMITTED', 2300) returning id::text""", internship, base)));
            applications.add(Long.parseLong(TestDb.text(
                    "insert into application (youth_id, position_id, status, contact_shared_at) values (?, ?, 'SUBMITTED', now()) returning id::text",
                    youth, position)));
            activities.add(Long.parseLong(TestDb.text("""
                    insert into activity (kind, region_code, held_on, title, organizer, created_by)
                    values ('POLICY_SESSION', '500101', ?::date, ?, '分页人社局', 'test') returning id::text""",
                    "2019-03-0" + (i + 1), "分页宣讲" + i)));
            batches.add(Long.parseLong(TestDb.text("""
                    insert into import_batch (kind, file_name, file_sha256, source, uploaded_by, status)
                    values ('ENTERPRISE_STATUS', ?, repeat('a', 64), 'CITY_ADMIN', 'admin', 'COMPLETED') returning id::text""",
                    "paging" + i + ".csv")));
        }
    }

    /** Walks every page of {@code size} rows and returns the ids in page order, checking each page's shape. */
    static List<Long> walk(Supplier<RequestSpecification> caller, String path, int size) {
        List<Long> ids = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || (long) page * size < total; page++) {
            JsonPath json = caller.get().queryParam("page", page).queryParam("size", size).get(path)
                    .then().statusCode(200).body("page", equalTo(page)).body("size", equalTo(size))
                    .extract().jsonPath();
            long pageTotal = json.getLong("total");
            if (total >= 0) {
                assertEquals(total, pageTotal, path + ": the total changed between pages");
            }
            total = pageTotal;
            List<Long> pageIds = json.getList("items.id", Long.class);
            assertEquals(Math.min(size, total - (long) page * size), pageIds.size(), path + " page " + page);
            ids.addAll(pageIds);
            assertTrue(page < 10_000, "runaway paging");
        }
        Set<Long> distinct = new HashSet<>(ids);
        assertEquals(ids.size(), distinct.size(), path + ": a row showed on two pages");
        assertEquals(total, ids.size(), path + ": the pages did not add up to the total");
        return ids;
    }

    @Test
    void internshipsPageWithATotal() {
        List<Long> ids = walk(() -> Api.as("admin").queryParam("base", base), "/api/internships", 2);
        assertEquals(Set.copyOf(internships), Set.copyOf(ids));
        assertTrue(walk(() -> Api.as("admin"), "/api/internships", 200).containsAll(internships));
    }

    @Test
    void subsidyClaimsPageWithATotal() {
        List<Long> ids = walk(() -> Recruitment.asBase(BASE_USER), "/api/subsidy-claims", 2);
        assertEquals(Set.copyOf(claims), Set.copyOf(ids));
        assertEquals(Set.copyOf(claims), Set.copyOf(walk(() -> Api.as("wanzhou").queryParam("status", "SUBMITTED"),
                "/api/subsidy-claims", 200).stream().filter(claims::contains).toList()));
    }

    @Test
    void paymentsOfAClaimBeyondTheFirstThousandAreStillVisible() {
        // Visibility is one scoped query, not a scan of a cut list: any claim in scope shows its payments.
        Recruitment.asBase(BASE_USER).get("/api/subsidy-claims/" + claims.get(0) + "/disbursements").then().statusCode(200);
        Api.as("wanzhou").get("/api/subsidy-claims/" + claims.get(0) + "/disbursements").then().statusCode(200);
        TestDb.createUser("paging_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        Api.as("paging_fuling").get("/api/subsidy-claims/" + claims.get(0) + "/disbursements").then().statusCode(404);
    }

    @Test
    void applicationsPageWithATotal() {
        List<Long> ids = walk(() -> Recruitment.asBase(BASE_USER).queryParam("positionId", position), "/api/applications", 2);
        assertEquals(Set.copyOf(applications), Set.copyOf(ids));
    }

    @Test
    void activitiesPageWithATotal() {
        List<Long> ids = walk(() -> Api.as("admin").queryParam("regionCode", "500101")
                .queryParam("from", "2019-03-01").queryParam("to", "2019-03-31"), "/api/activities", 2);
        assertEquals(List.of(activities.get(2), activities.get(1), activities.get(0)), ids);
    }

    @Test
    void importBatchesPageWithATotal() {
        List<Long> ids = walk(() -> Api.as("admin").queryParam("kind", "ENTERPRISE_STATUS"), "/api/imports", 2);
        assertTrue(ids.containsAll(batches), "the batches are all reachable");
        assertTrue(ids.size() >= ROWS);
    }

    @Test
    void pageBoundsAreRefusedNamingTheField() {
        for (String path : List.of("/api/internships", "/api/subsidy-claims", "/api/activities", "/api/imports")) {
            Api.as("admin").queryParam("size", 0).get(path).then().statusCode(400);
            Api.as("admin").queryParam("size", 100_000).get(path).then().statusCode(400);
            Api.as("admin").queryParam("page", -1).get(path).then().statusCode(400);
        }
        Recruitment.asBase(BASE_USER).queryParam("size", 0).get("/api/applications").then().statusCode(400);
    }
}
