package cq.jianxi.platform.web;

import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The browser security and caching headers as served, on plain HTTP without a trusted proxy. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SecurityHeadersTest {

    @Test
    void apiResponsesAreNeverStoredAndCarryTheAppPolicy() {
        Response ok = RestAssured.get("/api/regions");
        assertEquals(200, ok.statusCode());
        assertSecure(ok, SecurityHeaders.APP_POLICY);
        assertEquals("no-store", ok.header("Cache-Control"));
        // A refusal carries them too.
        Response refused = RestAssured.get("/api/audit");
        assertEquals(401, refused.statusCode());
        assertSecure(refused, SecurityHeaders.APP_POLICY);
        assertEquals("no-store", refused.header("Cache-Control"));
    }

    @Test
    void indexAndDeepSpaRoutesAreRevalidatedNeverImmutable() {
        for (String path : new String[]{"/", "/index.html", "/youth/internship", "/base/applications"}) {
            Response r = RestAssured.given().redirects().follow(false).get(path);
            assertSecure(r, SecurityHeaders.APP_POLICY);
            assertEquals("no-cache", r.header("Cache-Control"), path);
        }
    }

    @Test
    void hashedAssetsAreImmutableButAMissingOneIsNot() {
        Response asset = RestAssured.get("/assets/header-probe-3f9a1c0d.js");
        assertEquals(200, asset.statusCode());
        assertSecure(asset, SecurityHeaders.APP_POLICY);
        assertEquals("public, max-age=31536000, immutable", asset.header("Cache-Control"));

        Response missing = RestAssured.get("/assets/no-such-asset-00000000.js");
        assertEquals(404, missing.statusCode());
        assertEquals("no-cache", missing.header("Cache-Control"));
    }

    @Test
    void swaggerUiAloneMayRunItsInlineBootstrapScript() {
        Response ui = RestAssured.get("/q/swagger-ui/");
        assertEquals(200, ui.statusCode());
        assertSecure(ui, SecurityHeaders.SWAGGER_POLICY);
        Response contract = RestAssured.get("/q/openapi");
        assertEquals(200, contract.statusCode());
        assertSecure(contract, SecurityHeaders.APP_POLICY);
        assertEquals("no-store", contract.header("Cache-Control"));
    }

    @Test
    void noHstsOnPlainHttpEvenWhenAClientClaimsHttps() {
        RestAssured.given().header("X-Forwarded-Proto", "https").get("/api/regions").then().statusCode(200)
                .header("Strict-Transport-Security", nullValue());
        RestAssured.get("/index.html").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void theAppPolicyAllowsNoInlineScript() {
        RestAssured.get("/api/regions").then()
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .header("Content-Security-Policy", containsString("style-src-elem 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    static void assertSecure(Response r, String policy) {
        assertEquals(policy, r.header("Content-Security-Policy"), "Content-Security-Policy");
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        assertEquals("camera=(), microphone=(), geolocation=(), payment=(), usb=()", r.header("Permissions-Policy"));
    }
}
