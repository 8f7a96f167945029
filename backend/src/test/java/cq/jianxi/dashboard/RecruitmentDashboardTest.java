package cq.jianxi.dashboard;

import cq.jianxi.dashboard.service.RecruitmentChangeListener;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RecruitmentDashboardTest {

    static final String BASE = "dash_base";
    static final int YEAR = cq.jianxi.support.TestClock.pinnedToday().getYear();

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @TestHTTPResource("/api/dashboard/stream")
    URL streamUrl;

    @BeforeEach
    void base() {
        // The dashboard counts against this year's plan; the test database holds only 2023's.
        TestDb.update("insert into plan (year, source) values (?, 'test') on conflict do nothing", YEAR);
        TestDb.update("insert into plan_target select ?, region_code, new_bases, new_key_enterprise_bases, positions, participants,"
                + " policy_sessions, matching_events, typical_persons, national_nominations from plan_target where year = 2023"
                + " on conflict do nothing", YEAR);
        if (TestDb.count("select count(*) from user_account where username = ?", BASE) == 0) {
            Recruitment.approvedBase(BASE, "PRIVATE");
        }
    }

    private static JsonPath dashboard(String user) {
        return Api.as(user).queryParam("year", YEAR).get("/api/dashboard/recruitment").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void publishingAddsTheHeadcountToTheRegionCityAndDepartmentAndClosingDoesNotSubtract() {
        JsonPath before = dashboard("admin");
        int regionBefore = before.getInt("regions.find { it.regionCode == '500101' }.positions.achieved");
        var body = Recruitment.position("看板统计岗位", 7);
        body.put("departmentCode", "JXW");
        Number id = Recruitment.asBase(BASE).contentType(ContentType.JSON).body(body).post("/api/positions")
                .then().statusCode(201).extract().path("id");
        Recruitment.asBase(BASE).post("/api/positions/" + id + "/submit").then().statusCode(200);
        Api.as("wanzhou").post("/api/positions/" + id + "/approve").then().statusCode(200);

        JsonPath after = dashboard("admin");
        assertEquals(before.getInt("positions.achieved") + 7, after.getInt("positions.achieved"));
        assertEquals(regionBefore + 7, after.getInt("regions.find { it.regionCode == '500101' }.positions.achieved"));
        assertEquals(before.getInt("departments.find { it.departmentCode == 'JXW' }.positions.achieved") + 7,
                after.getInt("departments.find { it.departmentCode == 'JXW' }.positions.achieved"));
        assertEquals(70000, after.getInt("positions.target"));
        assertEquals(2000, after.getInt("departments.find { it.departmentCode == 'JXW' }.positions.target"));

        Recruitment.asBase(BASE).post("/api/positions/" + id + "/close").then().statusCode(200);
        assertEquals(after.getInt("positions.achieved"), dashboard("admin").getInt("positions.achieved"));
    }

    @Test
    void approvedFilingsCountAsNewBasesAndKeyEnterprises() {
        JsonPath before = dashboard("admin");
        var application = Recruitment.application("500101", "看板重点企业", "PRIVATE", null);
        application.put("keyCategories", java.util.List.of("RJXX"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(application).post("/api/bases/applications")
                .then().statusCode(201);
        JsonPath after = dashboard("admin");
        assertEquals(before.getInt("bases.achieved") + 1, after.getInt("bases.achieved"));
        assertEquals(before.getInt("keyEnterpriseBases.achieved") + 1, after.getInt("keyEnterpriseBases.achieved"));
        assertEquals(1000, after.getInt("bases.target"));
        assertEquals(400, after.getInt("keyEnterpriseBases.target"));
    }

    @Test
    void districtAdminsSeeTheirOwnRegionAndBasesAreRefused() {
        Api.as("wanzhou").queryParam("year", YEAR).get("/api/dashboard/recruitment").then().statusCode(200)
                .body("regions", hasSize(1))
                .body("regions[0].regionCode", equalTo("500101"))
                .body("positions.target", equalTo(1800))
                .body("departments", hasSize(0));
        Api.as("base_demo").get("/api/dashboard/recruitment").then().statusCode(403);
        Api.as("youth_demo").get("/api/dashboard/stream").then().statusCode(403);
        RestAssured.get("/api/dashboard/recruitment").then().statusCode(401);
    }

    @Test
    void twoIndependentListenersBothHearAPublication() throws Exception {
        var options = RecruitmentChangeListener.options(url, "postgres", "postgres");
        var first = RecruitmentChangeListener.open(vertx, options);
        var second = RecruitmentChangeListener.open(vertx, options);
        try {
            CountDownLatch heard = new CountDownLatch(2);
            first.ticks().subscribe().with(t -> heard.countDown());
            second.ticks().subscribe().with(t -> heard.countDown());
            Thread.sleep(500); // both LISTEN connections are up
            Recruitment.publishedPosition(BASE, "双实例通知岗位", 2);
            assertTrue(heard.await(5, TimeUnit.SECONDS), "both listeners should hear the publication");
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void theStreamPushesNewFiguresAfterAPublication() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl.toString() + "?year=" + YEAR))
                .header("Authorization", "Bearer " + Api.token("admin"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5).trim());
                    }
                }
            } catch (Exception ignored) {
                // the stream is closed at the end of the test
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String first = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(first, "the stream sends the current figures on connect");
            int before = JsonPath.from(first).getInt("positions.achieved");
            Recruitment.publishedPosition(BASE, "实时推送岗位", 3);
            String next = events.poll(5, TimeUnit.SECONDS);
            assertNotNull(next, "a publication is pushed");
            assertEquals(before + 3, JsonPath.from(next).getInt("positions.achieved"));
        } finally {
            response.body().close();
        }
    }

}
