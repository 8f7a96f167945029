package cq.jianxi.audit;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditResourceTest {

    @Test
    void cityAdminPagesThroughTheLogNewestFirst() {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "nobody-here", "password", "x"))
                .post("/api/auth/login").then().statusCode(401);
        Api.as("admin").queryParam("action", "LOGIN_FAILED").queryParam("actor", "nobody-here")
                .get("/api/audit").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("LOGIN_FAILED"))
                .body("items[0].actionLabel", equalTo("登录失败"))
                .body("items[0].ip", notNullValue());
        Api.as("admin").queryParam("size", 2).get("/api/audit").then().statusCode(200)
                .body("items", hasSize(lessThanOrEqualTo(2)))
                .body("total", greaterThanOrEqualTo(1))
                .body("size", equalTo(2));
    }

    @Test
    void everyOtherRoleIsRefusedTheAuditLog() {
        for (String user : List.of("wanzhou", "jiaowei", "base_demo", "youth_demo")) {
            Api.as(user).get("/api/audit").then().statusCode(403).contentType("application/problem+json");
        }
        RestAssured.get("/api/audit").then().statusCode(401);
    }

    @Test
    void rejectsAnOversizedPageNamingTheField() {
        Api.as("admin").queryParam("size", 10000).get("/api/audit").then().statusCode(400)
                .body("violations.field", everyItem(equalTo("size")));
    }
}
