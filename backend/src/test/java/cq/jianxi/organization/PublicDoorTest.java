package cq.jianxi.organization;

import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.EvaluationRecords;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The public door without a token: a certified base's page, its open positions, and activities still to come. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PublicDoorTest {

    /** A region no other test writes into. */
    private static final String REGION = "500113";

    @Test
    void showsACertifiedBasesPageWithItsLevelAndOpenPositionsButNoContact() {
        LocalDate today = TestClock.pinnedToday();
        long base = EvaluationRecords.base(REGION, "公开页示范基地", today.minusMonths(6), null);
        TestDb.update("update base set level = 'CITY', level_year = ?, address = '巴南区龙洲大道 1 号', contact_phone_enc = null where id = ?",
                today.getYear() - 1, base);
        long open = EvaluationRecords.position(base, REGION, 2, today.minusDays(3));
        // Above any year's minimum living allowance, so the public search lists it.
        TestDb.update("update position set monthly_allowance = 5000 where id = ?", open);

        given().get("/api/public/bases/" + base).then().statusCode(200)
                .body("base.name", is("公开页示范基地"))
                .body("base.level", is("CITY"))
                .body("base.levelLabel", containsString("市级"))
                .body("levelYear", is(today.getYear() - 1))
                .body("address", is("巴南区龙洲大道 1 号"))
                .body("$", not(org.hamcrest.Matchers.hasKey("contactName")))
                .body("base", not(org.hamcrest.Matchers.hasKey("contactName")));
        given().queryParam("baseId", base).get("/api/positions").then().statusCode(200)
                .body("total", is(1)).body("items.id", hasItem((int) open));
    }

    @Test
    void aBaseThatIsNotCertifiedIsNotFoundWhateverItsState() {
        long revoked = EvaluationRecords.base(REGION, "已撤销的基地", TestClock.pinnedToday().minusMonths(3), null);
        TestDb.update("update base set status = 'REVOKED', revoked_at = now(), revoke_reason = '测试' where id = ?", revoked);
        String unknown = given().get("/api/public/bases/999999999").then().statusCode(404)
                .contentType("application/problem+json").extract().path("detail");
        String gone = given().get("/api/public/bases/" + revoked).then().statusCode(404).extract().path("detail");
        // The same answer: the public cannot tell a revoked base from one that never existed.
        assertEquals(unknown, gone);
    }

    @Test
    void listsOnlyActivitiesStillToComeWithATotal() {
        LocalDate today = TestClock.pinnedToday();
        activity("POLICY_SESSION", today.minusDays(1), "昨天的宣讲");
        activity("MATCHING_OFFLINE", today, "今天的对接会");
        activity("POLICY_SESSION", today.plusDays(5), "下周的宣讲");

        List<String> titles = given().queryParam("regionCode", REGION).get("/api/public/activities").then().statusCode(200)
                .body("total", is(2))
                .body("items.heldOn", everyItem(greaterThanOrEqualTo(today.toString())))
                .extract().path("items.title");
        assertEquals(List.of("今天的对接会", "下周的宣讲"), titles);
        given().queryParam("regionCode", REGION).queryParam("kind", "POLICY_SESSION").get("/api/public/activities")
                .then().statusCode(200).body("total", is(1)).body("items[0].venue", nullValue());
        given().queryParam("kind", "PARTY").get("/api/public/activities").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("kind"));
    }

    private static void activity(String kind, LocalDate day, String title) {
        TestDb.update("""
                insert into activity (kind, region_code, held_on, title, organizer, venue, created_by)
                values (?, ?, ?, ?, '区人社局', ?, 'test')""", kind, REGION, day, title,
                "MATCHING_OFFLINE".equals(kind) ? "人力资源市场" : null);
    }
}
