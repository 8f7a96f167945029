package cq.jianxi.report;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A month of records in 彭水县 (500243), checked value by value. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class MonthlyReportTest {

    static final String REGION = "500243";

    private static String value(JsonPath report, String annex, int no) {
        String v = report.getString(annex + ".find { it.no == " + no + " }.value");
        return v == null ? null : new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
    }

    @Test
    void computesBothTablesFreezesSubmissionsShowsDriftAndTakesCorrections() {
        TestDb.createUser("pengshui", Api.PASSWORD, "DISTRICT_ADMIN", REGION, null);
        // Two bases approved in March 2026, one earlier in February.
        long early = filedBase("彭水早期单位", "2026-02-10 10:00+08");
        long march = filedBase("彭水三月单位", "2026-03-03 10:00+08");
        filedBase("彭水三月单位二", "2026-03-31 23:30+08");
        // Positions: 10 published in February (closed in March), 6 in March, 4 in April.
        position(early, 10, "2026-02-15 09:00+08", "2026-03-20 09:00+08");
        position(march, 6, "2026-03-05 09:00+08", null);
        position(march, 4, "2026-04-01 00:10+08", null);
        Api.as("pengshui").contentType(ContentType.JSON).body(Map.of("kind", "MATCHING_OFFLINE", "regionCode", REGION,
                        "heldOn", "2026-03-12", "title", "春季见习双选会", "organizer", "彭水县人社局", "venue", "县体育馆",
                        "basesCount", 12, "positionsOffered", 80, "unemployedYouth", 15, "graduates", 40))
                .post("/api/activities").then().statusCode(201);
        Api.as("pengshui").contentType(ContentType.JSON).body(Map.of("kind", "POLICY_SESSION", "regionCode", REGION,
                        "heldOn", "2026-03-20", "title", "见习政策进园区", "organizer", "彭水县人社局",
                        "employersServed", 25, "youthServed", 60))
                .post("/api/activities").then().statusCode(201);
        Api.as("pengshui").contentType(ContentType.JSON).body(Map.of("kind", "MATCHING_ONLINE", "regionCode", REGION,
                        "heldOn", "2026-03-25", "title", "线上直播带岗", "organizer", "彭水县人社局"))
                .post("/api/activities").then().statusCode(400).body("violations.field", hasItem("link"));

        JsonPath report = Api.as("pengshui").get("/api/reports/monthly/" + REGION + "/2026-03").then().statusCode(200)
                .body("annex4", hasSize(14)).body("annex5", hasSize(10))
                .body("dueDate", equalTo("2026-04-02"))
                .body("violations", hasSize(0))
                .extract().jsonPath();
        assertEquals("3", value(report, "annex4", 1));
        assertEquals("2", value(report, "annex4", 2));
        assertEquals("6", value(report, "annex4", 3));
        assertEquals("6", value(report, "annex4", 4));
        assertEquals("0", value(report, "annex4", 5));
        assertEquals("0", value(report, "annex5", 1));
        assertEquals("1", value(report, "annex5", 2));
        assertEquals("12", value(report, "annex5", 3));
        assertEquals("80", value(report, "annex5", 4));
        assertEquals("15", value(report, "annex5", 5));
        assertEquals("40", value(report, "annex5", 6));
        assertEquals("1", value(report, "annex5", 8));
        assertEquals("25", value(report, "annex5", 9));
        assertEquals("60", value(report, "annex5", 10));
        assertEquals("本期末实有见习单位总数", report.getString("annex4.find { it.no == 1 }.name"));

        Api.as("wanzhou").get("/api/reports/monthly/" + REGION + "/2026-03").then().statusCode(403);
        Api.as("admin").get("/api/reports/monthly/CITY/2026-03").then().statusCode(200).body("regionCode", equalTo("CITY"));
        Api.as("pengshui").get("/api/reports/monthly/CITY/2026-03").then().statusCode(403);

        String url = "/api/reports/monthly/" + REGION + "/2026-03";
        Api.as("pengshui").contentType(ContentType.JSON).body(Map.of("filledBy", "张填报", "filledOn", "2026-04-01"))
                .post(url + "/submit").then().statusCode(400).body("violations.field", hasItem("phone"));
        Map<String, Object> submission = Map.of("filledBy", "张填报", "phone", "023-77661234", "filledOn", "2026-04-01");
        Api.as("pengshui").contentType(ContentType.JSON).body(submission).post(url + "/submit").then().statusCode(200)
                .body("version", equalTo(1)).body("status", equalTo("SUBMITTED"));
        Api.as("pengshui").contentType(ContentType.JSON).body(submission).post(url + "/submit").then().statusCode(409);
        // A base filed later in March changes the records but not the submitted report.
        filedBase("彭水补录单位", "2026-03-15 10:00+08");
        Api.as("pengshui").get(url).then().body("status", equalTo("SUBMITTED")).body("annex4.find { it.no == 1 }.value", equalTo(3));
        Api.as("pengshui").queryParam("live", true).get(url).then().body("annex4.find { it.no == 1 }.value", equalTo(4));
        Api.as("pengshui").post(url + "/accept").then().statusCode(403);
        Api.as("admin").contentType(ContentType.JSON).body(Map.of("reason", "请补录 3 月 15 日备案的基地"))
                .post(url + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        Api.as("pengshui").get(url).then().body("status", equalTo("RETURNED")).body("returnReason", equalTo("请补录 3 月 15 日备案的基地"));
        Api.as("pengshui").contentType(ContentType.JSON).body(submission).post(url + "/submit").then().statusCode(200)
                .body("version", equalTo(2));
        Api.as("admin").post(url + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // Frozen: later records never alter an accepted report.
        filedBase("彭水再补录单位", "2026-03-20 10:00+08");
        Api.as("pengshui").get(url).then().body("status", equalTo("ACCEPTED")).body("annex4.find { it.no == 1 }.value", equalTo(4))
                .body("drift.size()", equalTo(2))
                .body("drift.find { it.no == 1 }.frozen", equalTo(4)).body("drift.find { it.no == 1 }.current", equalTo(5))
                .body("drift.find { it.no == 2 }.current", equalTo(4));
        // The city counts the accepted version, not the late entry.
        Api.as("admin").get("/api/reports/monthly/CITY/2026-03").then().statusCode(200)
                .body("sources.find { it.regionCode == '" + REGION + "' }.kind", equalTo("ACCEPTED"))
                .body("sources.find { it.regionCode == '500101' }.kind", equalTo("LIVE"));
        Api.as("pengshui").contentType(ContentType.JSON).body(submission).post(url + "/submit").then().statusCode(400)
                .body("violations.field", hasItem("correctionReason"));
        Map<String, Object> correction = Map.of("filledBy", "张填报", "phone", "023-77661234", "filledOn", "2026-04-01",
                "correctionReason", "补录 3 月 20 日备案的基地");
        Api.as("pengshui").contentType(ContentType.JSON).body(correction).post(url + "/submit").then().statusCode(200)
                .body("version", equalTo(3)).body("correctionReason", equalTo("补录 3 月 20 日备案的基地"));
        Api.as("admin").post(url + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Api.as("pengshui").get(url).then().body("annex4.find { it.no == 1 }.value", equalTo(5)).body("drift.size()", equalTo(0));
        Api.as("pengshui").get(url + "/history").then().statusCode(200).body("version", equalTo(java.util.List.of(3, 2, 1)))
                .body("status", equalTo(java.util.List.of("ACCEPTED", "SUPERSEDED", "RETURNED")));
        Api.as("admin").queryParam("period", "2026-03").get("/api/reports/monthly-overview").then().statusCode(200)
                .body("size()", equalTo(41))
                .body("find { it.regionCode == '" + REGION + "' }.status", equalTo("ACCEPTED"))
                .body("find { it.regionCode == '500101' }.overdue", equalTo(true));
        Api.as("pengshui").queryParam("period", "2026-03").get("/api/reports/monthly-overview").then().body("size()", equalTo(1));
        assertEquals(0, TestDb.count("select count(*) from monthly_report where filled_phone_enc like '%77661234%'"));

        exportsTheOfficialLayout(url);
    }

    private static void exportsTheOfficialLayout(String url) {
        byte[] annex4 = Api.as("pengshui").get(url + "/annex4.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(annex4))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("百万就业见习岗位募集计划工作情况汇总表", sheet.getRow(0).getCell(0).getStringCellValue());
            org.junit.jupiter.api.Assertions.assertTrue(sheet.getRow(1).getCell(0).getStringCellValue().contains("单位：个、人、万元"));
            var merged = sheet.getMergedRegions().stream().map(r -> r.formatAsString()).toList();
            org.junit.jupiter.api.Assertions.assertTrue(merged.containsAll(java.util.List.of("A1:O1", "A3:A5", "B3:B5", "J3:L3", "J4:J5", "L4:L5", "C4:C5")),
                    merged.toString());
            assertEquals("其中", sheet.getRow(2).getCell(9).getStringCellValue());
            assertEquals("被见习单位留用人数", sheet.getRow(3).getCell(9).getStringCellValue());
            assertEquals("离校2年内未就业高校毕业生人数", sheet.getRow(4).getCell(10).getStringCellValue());
            assertEquals("栏次", sheet.getRow(5).getCell(0).getStringCellValue());
            for (int c = 1; c <= 14; c++) {
                assertEquals(c, (int) sheet.getRow(5).getCell(c).getNumericCellValue());
            }
            assertEquals("彭水县", sheet.getRow(6).getCell(0).getStringCellValue());
            assertEquals(5, (int) sheet.getRow(6).getCell(1).getNumericCellValue()); // the accepted, frozen value
            assertEquals(0, (int) sheet.getRow(6).getCell(5).getNumericCellValue());
            String footer = sheet.getRow(7).getCell(0).getStringCellValue();
            org.junit.jupiter.api.Assertions.assertTrue(footer.contains("张填报") && footer.contains("023-77661234"), footer);
            assertEquals("填报说明：", sheet.getRow(8).getCell(0).getStringCellValue());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] annex5 = Api.as("pengshui").get(url + "/annex5.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(annex5))) {
            var sheet = wb.getSheetAt(0);
            var merged = sheet.getMergedRegions().stream().map(r -> r.formatAsString()).toList();
            org.junit.jupiter.api.Assertions.assertTrue(merged.containsAll(java.util.List.of("B3:H3", "I3:K3", "F4:G4")), merged.toString());
            assertEquals("16－24岁失业青年", sheet.getRow(4).getCell(5).getStringCellValue());
            assertEquals(12, (int) sheet.getRow(6).getCell(3).getNumericCellValue());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] city = Api.as("admin").get("/api/reports/monthly/CITY/2026-03/annex4.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(city))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("万州区", sheet.getRow(6).getCell(0).getStringCellValue());
            assertEquals("合计", sheet.getRow(6 + 41).getCell(0).getStringCellValue());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Api.as("pengshui").get("/api/reports/monthly/CITY/2026-03/annex4.xlsx").then().statusCode(403);
        assertEquals("'=HYPERLINK(\"x\")", cq.jianxi.report.service.ReportWorkbook.neutral("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM", cq.jianxi.report.service.ReportWorkbook.neutral("@SUM"));
        assertEquals("彭水县", cq.jianxi.report.service.ReportWorkbook.neutral("彭水县"));
    }

    private static long filedBase(String name, String decidedAt) {
        Number id = Api.as("admin").contentType(ContentType.JSON).body(Recruitment.application(REGION, name, "PRIVATE", null))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        TestDb.update("update base set decided_at = ?::timestamptz, filed_year = 2026 where id = ?", decidedAt, id.longValue());
        return id.longValue();
    }

    private static void position(long base, int headcount, String publishedAt, String closedAt) {
        TestDb.update("""
                insert into position (base_id, title, category, headcount, education, description, region_code, monthly_allowance,
                                      duration_months, deadline, status, close_reason, first_published_at, published_year, closed_at)
                values (?, '报表岗位', 'OTHER', ?, 'ANY', '报表测试', ?, 2300, 6, '2026-12-31',
                        case when ?::timestamptz is null then 'PUBLISHED' else 'CLOSED' end,
                        case when ?::timestamptz is null then null else 'WITHDRAWN' end, ?::timestamptz, 2026, ?::timestamptz)""",
                base, headcount, REGION, closedAt, closedAt, publishedAt, closedAt);
    }

    @Test
    void activitiesKeepTheirRecordsAndTakeSignUps() throws Exception {
        TestDb.createUser("pengshui2", Api.PASSWORD, "DISTRICT_ADMIN", REGION, null);
        Number id = Api.as("pengshui2").contentType(ContentType.JSON).body(Map.of("kind", "MATCHING_ONLINE", "regionCode", REGION,
                        "heldOn", cq.jianxi.support.TestClock.pinnedToday().plusDays(10).toString(), "title", "线上招聘会", "organizer", "彭水县人社局",
                        "link", "https://example.invalid/live"))
                .post("/api/activities").then().statusCode(201).extract().path("id");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        Api.as("pengshui2").multiPart("kind", "PHOTO").multiPart("file", "现场.png", png, "image/png")
                .post("/api/activities/" + id + "/attachments").then().statusCode(201).body("contentType", equalTo("image/png"));
        Api.as("pengshui2").multiPart("kind", "PHOTO").multiPart("file", "fake.png", "<html>".getBytes(), "image/png")
                .post("/api/activities/" + id + "/attachments").then().statusCode(400).body("violations.field", hasItem("file"));
        Api.as("wanzhou").multiPart("kind", "PHOTO").multiPart("file", "x.png", png, "image/png")
                .post("/api/activities/" + id + "/attachments").then().statusCode(403);
        Number attachment = Api.as("pengshui2").get("/api/activities/" + id + "/attachments").then().statusCode(200)
                .body("size()", equalTo(1)).extract().path("[0].id");
        byte[] back = Api.as("admin").get("/api/activities/" + id + "/attachments/" + attachment).then().statusCode(200)
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(png, back);
        Api.as("base_demo").post("/api/activities/" + id + "/signups").then().statusCode(200).body("signups", equalTo(1));
        Api.as("base_demo").post("/api/activities/" + id + "/signups").then().statusCode(200).body("signups", equalTo(1));
        Api.as("youth_demo").post("/api/activities/" + id + "/signups").then().statusCode(200).body("signups", equalTo(2));
    }

    @Test
    void theAnnualReportSetsTargetsAgainstTheRecords() throws Exception {
        TestDb.createUser("pengshui3", Api.PASSWORD, "DISTRICT_ADMIN", REGION, null);
        var before = Api.as("admin").get("/api/reports/annual/2023").then().statusCode(200)
                .body("regions.size()", equalTo(41)).body("departments.size()", equalTo(6)).extract().jsonPath();
        assertEquals(1800, before.getInt("regions.find { it.regionCode == '500101' }.positions.target"));
        // No typical person was approved for 2023: the platform counts them now (docs/notice.md).
        assertEquals(0, before.getInt("regions.find { it.regionCode == '500101' }.typicalPersons.achieved"));
        Api.as("pengshui3").get("/api/reports/annual/2023").then().statusCode(200).body("regions.size()", equalTo(1))
                .body("departments.size()", equalTo(0));
        Api.as("base_demo").get("/api/reports/annual/2023").then().statusCode(403);
        Api.as("admin").get("/api/reports/annual/1999").then().statusCode(404);
        byte[] xlsx = Api.as("admin").get("/api/reports/annual/2023.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertEquals("2023年就业见习年度计划实施情况表", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("万州区", sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals(40, (int) sheet.getRow(4).getCell(1).getNumericCellValue());
        }
    }
}
