package cq.jianxi.platform;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Inputs that used to end in a 500 (issue 10 #10): page numbers whose offset overflows, amounts the
 * columns cannot hold, attachment names that are a bare path or hold a NUL. Each is a 400 naming the
 * field, or a stored file with a safe name; never a 500, never an exception class.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class InputBoundsTest {

    @Test
    void aPageBeyondAMillionRowsIsRefusedNamingThePage() {
        RestAssured.given().queryParam("page", 170264056).get("/api/positions").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("page"));
        Api.as("admin").queryParam("page", 2147483647).queryParam("size", 200).get("/api/bases").then().statusCode(400)
                .body("violations.field", hasItem("page"));
        Api.as("admin").queryParam("page", 4999).queryParam("size", 200).get("/api/bases").then().statusCode(200);
    }

    @Test
    void anAmountTheColumnsCannotHoldIsRefusedNamingTheField() {
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("standardMonthly", 1e12, "highRetentionMonthly", 1e12,
                        "retentionThreshold", 0.5, "insurancePerPerson", 100, "allowanceFloor", 2100))
                .put("/api/subsidy-rates/2098").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("standardMonthly"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void anAttachmentNamedLikeAPathOrHoldingANulIsStoredUnderASafeName() {
        Number id = Api.as("admin").contentType(ContentType.JSON).body(Map.of("kind", "MATCHING_OFFLINE", "regionCode", "500101",
                        "heldOn", "2026-11-01", "title", "附件名称测试", "organizer", "万州区人社局", "venue", "万州"))
                .post("/api/activities").then().statusCode(201).extract().path("id");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Api.as("admin").multiPart("kind", "PHOTO").multiPart("file", "/", png, "image/png")
                .post("/api/activities/" + id + "/attachments").then().statusCode(201).body("fileName", equalTo("file.png"));
        Api.as("admin").multiPart("kind", "PHOTO").multiPart("file", "photo\u0000.png", png, "image/png")
                .post("/api/activities/" + id + "/attachments").then().statusCode(201).body("fileName", equalTo("photo.png"));
        Api.as("admin").multiPart("kind", "PHOTO").multiPart("file", "..\\\\..\\\\etc\\\\site.png", png, "image/png")
                .post("/api/activities/" + id + "/attachments").then().statusCode(201).body("fileName", equalTo("site.png"));
    }
}
