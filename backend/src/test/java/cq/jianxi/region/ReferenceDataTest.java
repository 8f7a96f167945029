package cq.jianxi.region;

import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ReferenceDataTest {

    @Test
    void listsTheFortyOneRegionsInAnnexOrderWithoutLogin() {
        RestAssured.get("/api/regions").then().statusCode(200)
                .body("", hasSize(41))
                .body("[0].code", equalTo("500101"))
                .body("[0].shortName", equalTo("万州区"))
                .body("code", hasItems("LJXQ", "GXQ", "WSJKQ"))
                .body("findAll { it.kind == 'functional_zone' }", hasSize(3));
    }

    @Test
    void listsTheTenDepartmentsWithSixQuotasOfTwoThousand() {
        List<Integer> quotas = RestAssured.get("/api/departments").then().statusCode(200)
                .body("", hasSize(10))
                .body("find { it.code == 'KJJ' }.positionCategory", equalTo("科研类"))
                .extract().path("findAll { it.positionQuota != null }.positionQuota");
        assertEquals(List.of(2000, 2000, 2000, 2000, 2000, 2000), quotas);
    }

    @Test
    void listsTheFiveKeyEnterpriseCategories() {
        RestAssured.get("/api/key-enterprise-categories").then().statusCode(200)
                .body("", hasSize(5)).body("code", hasItems("ZJTX", "RJXX"));
    }

    @Test
    void healthAndOpenApiAreServed() {
        RestAssured.get("/q/health/ready").then().statusCode(200);
        RestAssured.get("/q/openapi").then().statusCode(200);
    }
}
