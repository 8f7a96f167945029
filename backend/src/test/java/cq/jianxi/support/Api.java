package cq.jianxi.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Logs in demo accounts and hands out authenticated request specs, reusing each login for a while. */
public final class Api {

    public static final String PASSWORD = "Jianxi@2023";
    /** Access tokens live ten minutes and the whole suite runs longer, so a cached login is renewed after five. */
    private static final Duration REUSE = Duration.ofMinutes(5);
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private record Cached(String token, Instant at) {
    }

    private Api() {
    }

    public static String login(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }

    /** A token for a demo account, shared by the tests (the demo accounts are never logged out). */
    public static String token(String username) {
        return token(username, PASSWORD);
    }

    /** The same with an explicit password (accounts created by tests). */
    public static String token(String username, String password) {
        return TOKENS.compute(username, (u, cached) -> cached != null && cached.at().plus(REUSE).isAfter(Instant.now())
                ? cached : new Cached(login(u, password), Instant.now())).token();
    }

    public static RequestSpecification as(String username, String password) {
        return RestAssured.given().auth().oauth2(token(username, password));
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().oauth2(token(username));
    }
}
