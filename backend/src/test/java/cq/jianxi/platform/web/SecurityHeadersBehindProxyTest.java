package cq.jianxi.platform.web;

import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Behind the trusted reverse proxy (JIANXI_BEHIND_PROXY=true) HSTS follows the proxy's X-Forwarded-Proto. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestProfile(SecurityHeadersBehindProxyTest.BehindProxy.class)
class SecurityHeadersBehindProxyTest {

    /** What JIANXI_BEHIND_PROXY=true sets in application.properties. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void hstsWhenTheProxyReceivedTheRequestOverTls() {
        RestAssured.given().header("X-Forwarded-Proto", "https").get("/api/regions").then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000"))
                .header("Cache-Control", equalTo("no-store"));
        RestAssured.given().header("X-Forwarded-Proto", "https").get("/youth/me").then()
                .header("Strict-Transport-Security", equalTo("max-age=31536000"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void noHstsWhenTheProxyReceivedPlainHttp() {
        RestAssured.given().header("X-Forwarded-Proto", "http").get("/api/regions").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
        RestAssured.get("/api/regions").then().statusCode(200).header("Strict-Transport-Security", nullValue());
    }
}
