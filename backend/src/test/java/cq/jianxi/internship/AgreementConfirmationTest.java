package cq.jianxi.internship;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import cq.jianxi.support.matrix.MatrixFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The intern reads and confirms the signed agreement on the phone; nobody else can, and not before it is signed. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AgreementConfirmationTest {

    @Test
    void theInternConfirmsTheSignedAgreementOnceAndOthersCannot() {
        String baseUser = "agree_base_" + System.nanoTime() % 100000;
        long base = Recruitment.approvedBase(baseUser, "PRIVATE");
        long position = Recruitment.publishedPosition(baseUser, "协议确认岗位", 5);
        String youthUser = "agree_y_" + System.nanoTime() % 100000;
        long youth = Youths.register(youthUser, "协议青年");
        LocalDate today = TestClock.pinnedToday();
        Number id = Api.as("wanzhou").contentType(ContentType.JSON)
                .body(Map.of("youthId", youth, "baseId", base, "positionId", position,
                        "agreement", MatrixFixture.agreement(today, today.plusMonths(6).minusDays(1), today)))
                .post("/api/internships/offline").then().statusCode(201)
                .body("youthAgreementConfirmedAt", nullValue()).extract().path("id");

        String other = "agree_o_" + System.nanoTime() % 100000;
        Youths.register(other, "旁人青年");
        Youths.as(other).post("/api/internships/" + id + "/agreement/confirmation").then().statusCode(403);
        Recruitment.asBase(baseUser).post("/api/internships/" + id + "/agreement/confirmation").then().statusCode(403);

        String first = Youths.as(youthUser).post("/api/internships/" + id + "/agreement/confirmation").then().statusCode(200)
                .body("youthAgreementConfirmedAt", notNullValue()).extract().path("youthAgreementConfirmedAt");
        Youths.as(youthUser).post("/api/internships/" + id + "/agreement/confirmation").then().statusCode(200)
                .body("youthAgreementConfirmedAt", equalTo(first));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'INTERNSHIP_AGREEMENT_CONFIRMED' and target_id = ?",
                String.valueOf(id)));
        Recruitment.asBase(baseUser).get("/api/internships/" + id).then().statusCode(200)
                .body("youthAgreementConfirmedAt", equalTo(first));
    }

    @Test
    void anAgreementNotSignedYetCannotBeConfirmed() {
        String baseUser = "agree_b2_" + System.nanoTime() % 100000;
        long base = Recruitment.approvedBase(baseUser, "PRIVATE");
        long position = Recruitment.publishedPosition(baseUser, "未签协议岗位", 5);
        String youthUser = "agree_p_" + System.nanoTime() % 100000;
        long youth = Youths.register(youthUser, "待签青年");
        long app = Youths.as(youthUser).contentType(ContentType.JSON).body(Map.of("positionId", position, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().jsonPath().getLong("id");
        for (String to : new String[]{"SCREENING", "OFFERED"}) {
            Recruitment.asBase(baseUser).contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        }
        Youths.as(youthUser).contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        long internship = TestDb.count("select id from internship where application_id = ?", app);
        Youths.as(youthUser).post("/api/internships/" + internship + "/agreement/confirmation").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(0, TestDb.count("select count(*) from internship where id = ? and youth_agreement_confirmed_at is not null", internship));
        assertEquals(youth, TestDb.count("select youth_id from internship where id = ?", internship));
    }
}
