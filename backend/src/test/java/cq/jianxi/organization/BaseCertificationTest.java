package cq.jianxi.organization;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.matrix.MatrixFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The certification of a base filing: receipt and deadline, documents, inspections, resubmission, public list. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class BaseCertificationTest {

    static final String FULING_ADMIN = "cert_fuling";
    /** A county no other test files bases in, so the public list's contents are this test's alone. */
    static final String QUIET_REGION = "500242";
    static final String QUIET_ADMIN = "cert_youyang";

    @BeforeAll
    static void staff() {
        TestDb.createUser(FULING_ADMIN, Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        TestDb.createUser(QUIET_ADMIN, Api.PASSWORD, "DISTRICT_ADMIN", QUIET_REGION, null);
    }

    private static long selfFiling(String name, String username) {
        Number id = given().contentType(ContentType.JSON).body(Recruitment.application("500101", name, "PRIVATE", username))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private static Map<String, Object> inspection(String date, String one, String two, String conclusion) {
        Map<String, Object> body = new HashMap<>();
        body.put("inspectedOn", date);
        body.put("inspectorOne", one);
        body.put("inspectorTwo", two);
        body.put("findings", "现场查看办公场所和带教安排");
        body.put("conclusion", conclusion);
        return body;
    }

    private static Response upload(String baseUser, long baseId, String kind, String name, byte[] content) {
        return Recruitment.asBase(baseUser).multiPart("kind", kind).multiPart("file", name, content, "application/octet-stream")
                .post("/api/bases/" + baseId + "/documents");
    }

    private static Map<String, Object> correction(String name, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("employerName", name);
        body.put("industry", "科学研究和技术服务业");
        body.put("ownership", "PRIVATE");
        body.put("keyCategories", List.of());
        body.put("contactName", "李更正");
        body.put("contactPhone", phone);
        body.put("address", "重庆市万州区更正路 2 号");
        return body;
    }

    @Test
    void aFilingGetsAStableReceiptAndADeadlineOfWorkingDaysOverTheNationalDayHoliday() {
        long id;
        try {
            // Monday 28 September 2026: the National Day week (1–7 October off, Saturday 10 October worked) lies ahead.
            TestClock.set("2026-09-28T10:00:00");
            id = selfFiling("国庆前申请公司", "cert_holiday");
        } finally {
            TestClock.reset();
        }
        // 15 working days: 29, 30 Sep, 8, 9, 10 (adjusted), 12–16, 19–23 Oct; by weekends alone it would be 19 October.
        Recruitment.asBase("cert_holiday").get("/api/bases/" + id).then().statusCode(200)
                .body("receiptNo", matchesPattern("JX-500101-2026-\\d{6}"))
                .body("reviewDeadline", equalTo("2026-10-23"))
                .body("overdue", equalTo(true));
        Response queue = Api.as("wanzhou").queryParam("overdue", true).queryParam("size", 200).get("/api/bases");
        queue.then().statusCode(200).body("items.id", hasItem((int) id)).body("items.overdue", everyItem(equalTo(true)))
                .body("overdueCount", greaterThanOrEqualTo(1));
        assertEquals(queue.<Integer>path("total").longValue(), queue.<Integer>path("overdueCount").longValue());
        // A filing made today is within its deadline and not in the overdue filter.
        long fresh = selfFiling("今日申请公司", "cert_today");
        Api.as("wanzhou").get("/api/bases/" + fresh).then().body("reviewDeadline", equalTo("2026-12-09")).body("overdue", equalTo(false));
        Api.as("wanzhou").queryParam("overdue", true).queryParam("size", 200).get("/api/bases").then()
                .body("items.id", not(hasItem((int) fresh)));
        // Another district's count leaves 万州区's overdue filings out.
        Api.as(FULING_ADMIN).queryParam("overdue", true).get("/api/bases").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
    }

    @Test
    void approvalIsRefusedWithoutAPassedInspectionOfThisSubmission() {
        long id = selfFiling("待核查公司", "cert_inspect");
        String today = TestClock.pinnedToday().toString();
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("现场核查"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(inspection(TestClock.pinnedToday().plusDays(1).toString(), "王核查", "赵核查", "PASSED"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(400).body("violations.field", hasItem("inspectedOn"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(inspection(today, "王核查", " 王核查 ", "PASSED"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(400).body("violations.field", hasItem("inspectorTwo"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(inspection(today, "王核查", "赵核查", "MAYBE"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(400).body("violations.field", hasItem("conclusion"));
        Api.as("admin").contentType(ContentType.JSON).body(inspection(today, "王核查", "赵核查", "PASSED"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(403);
        Number failed = Api.as("wanzhou").contentType(ContentType.JSON).body(inspection(today, "王核查", "赵核查", "FAILED"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(201).body("conclusion", equalTo("FAILED"))
                .extract().path("id");
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(409).body("detail", containsString("不通过"));
        Api.as("wanzhou").multiPart("file", "site.png", MatrixFixture.png(), "image/png")
                .post("/api/bases/" + id + "/inspections/" + failed + "/photos").then().statusCode(201)
                .body("kind", equalTo("INSPECTION_PHOTO"));
        Recruitment.passedInspection("wanzhou", id);
        Api.as("wanzhou").get("/api/bases/" + id + "/certification").then().statusCode(200)
                .body("inspections", hasSize(2)).body("inspections[0].conclusion", equalTo("PASSED"))
                .body("inspections[1].photos", hasSize(1)).body("inspectionPassed", equalTo(true));
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(inspection(today, "王核查", "赵核查", "PASSED"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(409);
    }

    @Test
    void aRejectedFilingIsCorrectedResubmittedAndApprovedWithoutASecondAccount() {
        long id;
        try {
            TestClock.set("2026-09-28T10:00:00");
            id = selfFiling("原名申请公司", "cert_resubmit");
        } finally {
            TestClock.reset();
        }
        String receipt = Recruitment.asBase("cert_resubmit").get("/api/bases/" + id).then().extract().path("receiptNo");
        Recruitment.passedInspection("wanzhou", id);
        Api.as("wanzhou").contentType(ContentType.JSON).body(Map.of("reason", "营业执照与单位名称不符"))
                .post("/api/bases/" + id + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        // Only a rejected filing's own base account corrects it, field by field.
        Recruitment.asBase("cert_resubmit").contentType(ContentType.JSON).body(correction("更正后公司", "12345"))
                .put("/api/bases/" + id + "/filing").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("contactPhone"));
        Map<String, Object> noName = correction(" ", "13987654321");
        Recruitment.asBase("cert_resubmit").contentType(ContentType.JSON).body(noName)
                .put("/api/bases/" + id + "/filing").then().statusCode(400).body("violations.field", hasItem("employerName"));
        Api.as("wanzhou").contentType(ContentType.JSON).body(correction("更正后公司", "13987654321"))
                .put("/api/bases/" + id + "/filing").then().statusCode(403);
        Recruitment.asBase("cert_resubmit").contentType(ContentType.JSON).body(correction("更正后公司", "13987654321"))
                .put("/api/bases/" + id + "/filing").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("submissionRound", equalTo(2))
                .body("receiptNo", equalTo(receipt)).body("reviewDeadline", equalTo("2026-12-09"))
                .body("overdue", equalTo(false)).body("rejectReason", nullValue()).body("name", equalTo("更正后公司"));
        Recruitment.asBase("cert_resubmit").contentType(ContentType.JSON).body(correction("再改公司", "13987654321"))
                .put("/api/bases/" + id + "/filing").then().statusCode(409);
        // The inspection of the first submission does not carry over to the corrected one.
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(409);
        Recruitment.asBase("cert_resubmit").get("/api/bases/" + id + "/certification").then().statusCode(200)
                .body("rejections", hasSize(1)).body("rejections[0].reason", equalTo("营业执照与单位名称不符"))
                .body("rejections[0].rejectedBy", equalTo("wanzhou")).body("rejections[0].submissionRound", equalTo(1))
                .body("declaredName", equalTo("更正后公司")).body("industry", equalTo("科学研究和技术服务业"));
        Recruitment.passedInspection("wanzhou", id);
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("employer.name", equalTo("更正后公司")).body("employer.industry", equalTo("科学研究和技术服务业"));
        Api.as("wanzhou").get("/api/bases/" + id + "/certification").then().body("rejections", hasSize(1));
        assertEquals(1, TestDb.count("select count(*) from base where receipt_no = ?", receipt));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'BASE_RESUBMITTED' and target_id = ?", String.valueOf(id)));
    }

    @Test
    void aBaseKeepsDocumentsOnlyOnItsOwnOpenFilingAndCannotSeeAnothers() {
        long mine = selfFiling("材料甲公司", "cert_docs_a");
        long theirs = selfFiling("材料乙公司", "cert_docs_b");
        Number doc = upload("cert_docs_a", mine, "BUSINESS_LICENCE", "licence.pdf.png", MatrixFixture.png()).then().statusCode(201)
                .body("kind", equalTo("BUSINESS_LICENCE")).body("contentType", equalTo("image/png"))
                .body("fileName", equalTo("licence.pdf.png")).extract().path("id");
        upload("cert_docs_a", mine, "WORKPLACE_PHOTO", "x.exe", "MZ not an image".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).body("violations.field", hasItem("file"));
        upload("cert_docs_a", mine, "OTHER", "a.pdf", "%PDF-1.7\n1 0 obj << /OpenAction 2 0 R >>".getBytes(StandardCharsets.ISO_8859_1))
                .then().statusCode(400).body("violations.field", hasItem("file"));
        upload("cert_docs_a", mine, "INSPECTION_PHOTO", "p.png", MatrixFixture.png()).then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        // Another base can neither upload to, read nor download this filing's documents.
        upload("cert_docs_b", mine, "OTHER", "p.png", MatrixFixture.png()).then().statusCode(403);
        Recruitment.asBase("cert_docs_b").get("/api/bases/" + mine + "/certification").then().statusCode(403);
        Recruitment.asBase("cert_docs_b").get("/api/bases/" + mine + "/files/" + doc).then().statusCode(403);
        Recruitment.asBase("cert_docs_b").get("/api/bases/" + theirs + "/files/" + doc).then().statusCode(404);
        Recruitment.asBase("cert_docs_b").delete("/api/bases/" + mine + "/documents/" + doc).then().statusCode(403);
        Api.as("jiaowei").get("/api/bases/" + mine + "/certification").then().statusCode(403);
        Api.as(FULING_ADMIN).get("/api/bases/" + mine + "/files/" + doc).then().statusCode(403);
        // The base and its reviewers download it as an attachment of its detected type.
        for (var spec : List.of(Recruitment.asBase("cert_docs_a"), Api.as("wanzhou"), Api.as("admin"))) {
            spec.get("/api/bases/" + mine + "/files/" + doc).then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff").header("Content-Disposition", containsString("attachment"))
                    .contentType("image/png");
        }
        Number spare = upload("cert_docs_a", mine, "OTHER", "spare.png", MatrixFixture.png()).then().statusCode(201)
                .extract().path("id");
        Recruitment.asBase("cert_docs_a").delete("/api/bases/" + mine + "/documents/" + spare).then().statusCode(204);
        Recruitment.asBase("cert_docs_a").get("/api/bases/" + mine + "/certification").then().statusCode(200)
                .body("documents.id", hasItem(doc.intValue())).body("documents", hasSize(1));
        // Once approved, the filing's documents are the record: no more changes.
        Recruitment.passedInspection("wanzhou", mine);
        Api.as("wanzhou").post("/api/bases/" + mine + "/approve").then().statusCode(200);
        upload("cert_docs_a", mine, "OTHER", "late.png", MatrixFixture.png()).then().statusCode(409);
        Recruitment.asBase("cert_docs_a").delete("/api/bases/" + mine + "/documents/" + doc).then().statusCode(409);
    }

    @Test
    void aDistrictAdminCannotInspectOrApproveAnotherDistrictsFiling() {
        long id = selfFiling("跨区核查公司", "cert_cross");
        String today = TestClock.pinnedToday().toString();
        Api.as(FULING_ADMIN).contentType(ContentType.JSON).body(inspection(today, "王核查", "赵核查", "PASSED"))
                .post("/api/bases/" + id + "/inspections").then().statusCode(403);
        Api.as(FULING_ADMIN).get("/api/bases/" + id + "/certification").then().statusCode(403);
        long inspection = Recruitment.passedInspection("wanzhou", id);
        Api.as(FULING_ADMIN).multiPart("file", "site.png", MatrixFixture.png(), "image/png")
                .post("/api/bases/" + id + "/inspections/" + inspection + "/photos").then().statusCode(403);
        Api.as(FULING_ADMIN).post("/api/bases/" + id + "/approve").then().statusCode(403);
        Api.as(FULING_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "跨区驳回"))
                .post("/api/bases/" + id + "/reject").then().statusCode(403);
        Api.as("wanzhou").get("/api/bases/" + id).then().body("status", equalTo("PENDING"));
    }

    @Test
    void thePublicListShowsOnlyApprovedBasesWithoutPersonalData() {
        Number approved = Api.as(QUIET_ADMIN).contentType(ContentType.JSON)
                .body(Recruitment.application(QUIET_REGION, "公开名录甲公司", "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        Number revoked = Api.as(QUIET_ADMIN).contentType(ContentType.JSON)
                .body(Recruitment.application(QUIET_REGION, "公开名录乙公司", "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        Number pending = given().contentType(ContentType.JSON).body(Recruitment.application(QUIET_REGION, "公开名录待审公司", "PRIVATE", "cert_public_p"))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        Number rejected = given().contentType(ContentType.JSON).body(Recruitment.application(QUIET_REGION, "公开名录驳回公司", "PRIVATE", "cert_public_r"))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        Api.as(QUIET_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "材料不全"))
                .post("/api/bases/" + rejected + "/reject").then().statusCode(200);

        Response before = given().queryParam("regionCode", QUIET_REGION).get("/api/public/bases");
        before.then().statusCode(200).body("total", equalTo(2)).body("items.id", hasItem(approved.intValue()))
                .body("items.id", hasItem(revoked.intValue())).body("items.id", not(hasItem(pending.intValue())))
                .body("items.id", not(hasItem(rejected.intValue())))
                .body("items[0].regionName", equalTo("酉阳县")).body("items[0].level", equalTo("ORDINARY"))
                .body("items[0].industry", equalTo("软件和信息技术服务业"))
                .body("items[0].certifiedOn", equalTo(TestClock.pinnedToday().toString()));
        String text = before.asString();
        for (String personal : List.of("13912345678", "139****5678", "张联系", "contact", "address", "creditCode", "receiptNo")) {
            assertFalse(text.contains(personal), "the public list shows " + personal);
        }
        // Revoking takes a base off the list at once; paging keeps the total.
        Api.as(QUIET_ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "弄虚作假"))
                .post("/api/bases/" + revoked + "/revoke").then().statusCode(200);
        given().queryParam("regionCode", QUIET_REGION).queryParam("size", 1).queryParam("page", 0).get("/api/public/bases").then()
                .statusCode(200).body("total", equalTo(1)).body("items.id", equalTo(List.of(approved.intValue())));
        given().queryParam("regionCode", QUIET_REGION).queryParam("size", 1).queryParam("page", 5).get("/api/public/bases").then()
                .statusCode(200).body("total", equalTo(1)).body("items", hasSize(0));
        given().queryParam("size", 0).get("/api/public/bases").then().statusCode(400).body("violations.field", hasItem("size"));
        long citywide = given().queryParam("size", 1).get("/api/public/bases").then().statusCode(200).extract().<Integer>path("total");
        assertNotEquals(0L, citywide);
    }
}
