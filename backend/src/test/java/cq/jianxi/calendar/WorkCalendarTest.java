package cq.jianxi.calendar;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class WorkCalendarTest {

    @ParameterizedTest(name = "{0} is due on {1}")
    @CsvSource({
            "2022-12, 2023-01-04", // New Year 2023: 31 Dec – 2 Jan off
            "2025-01, 2025-02-06", // Spring Festival 2025: 28 Jan – 4 Feb off
            "2023-01, 2023-02-02", // Spring Festival 2023 ended before February
            "2024-04, 2024-05-07", // Labour Day 2024: 1–5 May off
            "2025-04, 2025-05-07", // Labour Day 2025
            "2024-09, 2024-10-09", // National Day 2024: 1–7 Oct off
            "2026-09, 2026-10-09", // National Day 2026
            "2025-12, 2026-01-05", // 1–3 Jan 2026 off, Sunday 4 Jan is a working day
            "2023-09, 2023-10-08"  // National Day 2023: 29 Sep – 6 Oct off, the weekend of 7–8 Oct is worked
    })
    void theDueDateIsTheSecondWorkingDayOfTheNextMonth(String period, String due) {
        Api.as("wanzhou").queryParam("period", period).get("/api/reports/due-date").then().statusCode(200)
                .body("dueDate", equalTo(due));
    }

    @Test
    void aYearNotYetPublishedHasAProvisionalDueDateFromWeekendsUntilTheCityRecordsIt() {
        // Tuesday 1 June 2027 is the 1st weekday, Wednesday 2 June the 2nd.
        Api.as("admin").queryParam("period", "2027-05").get("/api/reports/due-date").then().statusCode(200)
                .body("dueDate", equalTo("2027-06-02")).body("provisional", equalTo(true)).body("message", notNullValue());
        Map<String, Object> calendar = Map.of("off", List.of("2027-06-01", "2027-06-02"), "work", List.of("2027-06-05"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(calendar).put("/api/calendar/2027").then().statusCode(403);
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("off", List.of("2027-06-01"), "work", List.of("2027-06-08")))
                .put("/api/calendar/2027").then().statusCode(400).body("violations.field", hasItem("work"));
        Api.as("admin").contentType(ContentType.JSON).body(calendar).put("/api/calendar/2027").then().statusCode(200)
                .body("published", equalTo(true));
        // 1–2 June off, Thursday 3 June is the 1st working day, Friday 4 June the 2nd.
        Api.as("admin").queryParam("period", "2027-05").get("/api/reports/due-date").then().statusCode(200)
                .body("dueDate", equalTo("2027-06-04")).body("provisional", equalTo(false));
    }
}
