package cq.jianxi.identity;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever ends an account's right to act ends all its sessions at once, open streams included (issue 10 #6). */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SessionRevocationTest {

    private static final String PASSWORD = "Revoke#Pass2024";

    @TestHTTPResource("/api/dashboard/stream")
    URL streamUrl;

    /** A dashboard stream: counts down on its first event, completes when the server ends it. */
    private record Stream(CountDownLatch firstEvent, CompletableFuture<Void> ended) {
    }

    private Stream open(String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(streamUrl.toString()))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        CountDownLatch first = new CountDownLatch(1);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        first.countDown();
                    }
                }
                ended.complete(null);
            } catch (Exception e) {
                ended.complete(null);
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertTrue(first.await(15, TimeUnit.SECONDS), "the stream sends the current figures on connect");
        return new Stream(first, ended);
    }

    private static void assertEnds(Stream stream) throws Exception {
        // A bound on liveness, not a timing claim: the periodic check alone would take 30 s.
        stream.ended().get(20, TimeUnit.SECONDS);
    }

    @Test
    void logoutClosesTheDashboardStream() throws Exception {
        TestDb.createUser("rev_logout", PASSWORD, "CITY_ADMIN", null, null);
        String token = Api.login("rev_logout", PASSWORD);
        Stream stream = open(token);
        given().auth().oauth2(token).post("/api/auth/logout").then().statusCode(204);
        assertEnds(stream);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsAndTheirStreams() throws Exception {
        TestDb.createUser("rev_change", PASSWORD, "CITY_ADMIN", null, null);
        String here = Api.login("rev_change", PASSWORD);
        String elsewhere = Api.login("rev_change", PASSWORD);
        Stream stream = open(elsewhere);
        given().auth().oauth2(here).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "Changed#Pass2025"))
                .post("/api/auth/password").then().statusCode(204);
        assertEnds(stream);
        given().auth().oauth2(elsewhere).get("/api/me").then().statusCode(401);
        given().auth().oauth2(here).get("/api/me").then().statusCode(200);
        assertEquals("PASSWORD_CHANGED", TestDb.text(
                "select s.ended_reason from auth_session s join user_account u on u.id = s.user_id where u.username = 'rev_change' and s.revoked_at is not null"));
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndStreamAndItsLogins() throws Exception {
        TestDb.createUser("rev_disable", PASSWORD, "DISTRICT_ADMIN", "500101", null);
        String token = Api.login("rev_disable", PASSWORD);
        Stream stream = open(token);
        long id = TestDb.count("select id from user_account where username = 'rev_disable'");
        Api.as("wanzhou").post("/api/accounts/" + id + "/disable").then().statusCode(404);
        Api.as("admin").post("/api/accounts/" + id + "/disable").then().statusCode(200)
                .body("enabled", org.hamcrest.Matchers.equalTo(false));
        assertEnds(stream);
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", "rev_disable", "password", PASSWORD))
                .post("/api/auth/login").then().statusCode(401);
        Api.as("admin").post("/api/accounts/" + id + "/enable").then().statusCode(200);
        Api.login("rev_disable", PASSWORD);
    }

    @Test
    void revokingABaseSignsItsAccountOut() {
        long baseId = Recruitment.approvedBase("rev_base", "PRIVATE");
        String token = Api.login("rev_base", Recruitment.BASE_PASSWORD);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "弄虚作假"))
                .post("/api/bases/" + baseId + "/revoke").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        assertEquals("BASE_REVOKED", TestDb.text(
                "select s.ended_reason from auth_session s join user_account u on u.id = s.user_id where u.username = 'rev_base'"));
    }
}
