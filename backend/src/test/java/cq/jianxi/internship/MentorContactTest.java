package cq.jianxi.internship;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** An intern calls their mentor: their own internship shows the mentor's full phone, nobody else's does. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MentorContactTest {

    @Test
    void theInternSeesTheirMentorsPhoneAndNobodyElseSeesItInFull() {
        Recruitment.approvedBase("mentor_base", "PRIVATE");
        Youths.register("mentor_intern", "见习甲");
        Youths.register("mentor_other", "见习乙");
        long positionId = Recruitment.publishedPosition("mentor_base", "带教联系岗位", 2);
        Number app = Youths.as("mentor_intern").contentType(ContentType.JSON)
                .body(Map.of("positionId", positionId, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        for (String to : List.of("SCREENING", "OFFERED")) {
            Recruitment.asBase("mentor_base").contentType(ContentType.JSON).body(Map.of("to", to))
                    .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        }
        Youths.as("mentor_intern").contentType(ContentType.JSON).body(Map.of("to", "ACCEPTED"))
                .post("/api/applications/" + app + "/transitions").then().statusCode(200);
        long id = Long.parseLong(TestDb.text("select id::text from internship where application_id = ?", app.longValue()));
        LocalDate start = new TestClock().today();
        Recruitment.asBase("mentor_base").contentType(ContentType.JSON)
                .body(Map.of("mentorName", "陈师傅", "mentorPhone", "13600004321", "startDate", start.toString(),
                        "plannedEnd", start.plusMonths(6).minusDays(1).toString(), "monthlyAllowance", "2300.00"))
                .post("/api/internships/" + id + "/agreement").then().statusCode(200)
                .body("mentorPhone", equalTo("136****4321"));

        Youths.as("mentor_intern").get("/api/internships/" + id).then().statusCode(200)
                .body("mentorName", equalTo("陈师傅")).body("mentorPhone", equalTo("13600004321"));
        Youths.as("mentor_intern").get("/api/internships").then().statusCode(200)
                .body("items.mentorPhone", contains("13600004321"));

        Youths.as("mentor_other").get("/api/internships/" + id).then().statusCode(403);
        Youths.as("mentor_other").get("/api/internships").then().statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(0));
        Recruitment.asBase("mentor_base").get("/api/internships/" + id).then().statusCode(200)
                .body("mentorPhone", equalTo("136****4321"));
        Api.as("wanzhou").get("/api/internships/" + id).then().statusCode(200).body("mentorPhone", equalTo("136****4321"));
    }
}
