package cq.jianxi.activity;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Records of activities cannot carry active content (issue 10 #9): the stored name takes the detected
 * type's extension, a PDF with scripts or automatic actions is refused, downloads are attachments that
 * the browser may not sniff, and links entered by users are web addresses only.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AttachmentSafetyTest {

    private static Number activity(String link) {
        return Api.as("admin").contentType(ContentType.JSON).body(Map.of("kind", "MATCHING_ONLINE", "regionCode", "500101",
                        "heldOn", "2026-11-02", "title", "资料安全测试", "organizer", "万州区人社局", "link", link))
                .post("/api/activities").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPngHeaderFollowedByHtmlIsStoredAsPngAndServedAsAnAttachmentNotToBeSniffed() {
        Number id = activity("https://live.example.invalid/room/1");
        byte[] polyglot = ("\u0089PNG\r\n\u001a\n<html><script>alert(1)</script></html>").getBytes(StandardCharsets.ISO_8859_1);
        Number attachment = Api.as("admin").multiPart("kind", "OTHER").multiPart("file", "x.html", polyglot, "text/html")
                .post("/api/activities/" + id + "/attachments").then().statusCode(201)
                .body("fileName", equalTo("x.png")).body("contentType", equalTo("image/png")).extract().path("id");
        Api.as("admin").get("/api/activities/" + id + "/attachments/" + attachment).then().statusCode(200)
                .header("Content-Type", containsString("image/png"))
                .header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void aPdfWithJavaScriptOrAnOpenActionIsRefused() {
        Number id = activity("https://live.example.invalid/room/2");
        for (String active : new String[]{"/JavaScript", "/OpenAction", "/JS (app.alert(1))"}) {
            byte[] pdf = ("%PDF-1.7\n1 0 obj << /Type /Catalog " + active + " 2 0 R >> endobj\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
            Api.as("admin").multiPart("kind", "LEDGER").multiPart("file", "ledger.pdf", pdf, "application/pdf")
                    .post("/api/activities/" + id + "/attachments").then().statusCode(400)
                    .body("violations.field", hasItem("file"));
        }
        byte[] plain = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata /JSONish >> endobj\n%%EOF"
                .getBytes(StandardCharsets.ISO_8859_1);
        Api.as("admin").multiPart("kind", "LEDGER").multiPart("file", "ledger", plain, "application/pdf")
                .post("/api/activities/" + id + "/attachments").then().statusCode(201).body("fileName", equalTo("ledger.pdf"));
    }

    @Test
    void linksAreWebAddressesOnly() {
        for (String bad : new String[]{"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x.invalid/a",
                "https:///nohost"}) {
            Api.as("admin").contentType(ContentType.JSON).body(Map.of("kind", "MATCHING_ONLINE", "regionCode", "500101",
                            "heldOn", "2026-11-02", "title", "链接测试", "organizer", "万州区人社局", "link", bad))
                    .post("/api/activities").then().statusCode(400).body("violations.field", hasItem("link"));
        }
        activity("http://live.example.invalid/room/3");
    }
}
