package cq.jianxi.plan;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PlanResourceTest {

    private static final String[] FIELDS = {"newBases", "newKeyEnterpriseBases", "positions", "participants",
            "policySessions", "matchingEvents", "typicalPersons", "nationalNominations"};

    static List<String> annexLines() throws IOException {
        try (InputStream in = PlanResourceTest.class.getResourceAsStream("/notice/annex2-targets-2023.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void cityTotalsAreTheSumOfRegionsAndEqualTheNoticeCityRow() throws IOException {
        String cityRow = annexLines().stream().filter(l -> l.startsWith("CITY,")).findFirst().orElseThrow();
        String[] notice = cityRow.split(",");
        Response response = Api.as("admin").get("/api/plans/2023/targets");
        response.then().statusCode(200).body("regions", hasSize(41));
        for (int i = 0; i < FIELDS.length; i++) {
            int city = response.path("city." + FIELDS[i]);
            List<Integer> perRegion = response.path("regions." + FIELDS[i]);
            assertEquals(Integer.parseInt(notice[i + 2]), city, FIELDS[i]);
            assertEquals(city, perRegion.stream().mapToInt(Integer::intValue).sum(), FIELDS[i]);
        }
        assertEquals(List.of(1000, 400, 70000, 10000, 164, 236, 89, 89),
                Arrays.stream(FIELDS).map(f -> (Integer) response.path("city." + f)).toList());
    }

    @Test
    void districtAdminReceivesOnlyTheirOwnRegion() {
        Api.as("wanzhou").get("/api/plans/2023/targets").then().statusCode(200)
                .body("regions", hasSize(1))
                .body("regions[0].regionCode", equalTo("500101"))
                .body("regions[0].regionName", equalTo("万州区"))
                .body("regions[0].positions", equalTo(1800));
    }

    @Test
    void districtAdminAskingForAnotherRegionIsRefused() {
        Api.as("wanzhou").queryParam("regionCode", "500102").get("/api/plans/2023/targets").then()
                .statusCode(403).contentType("application/problem+json");
        Api.as("wanzhou").queryParam("regionCode", "500101").get("/api/plans/2023/targets").then()
                .statusCode(200).body("regions", hasSize(1));
    }

    @Test
    void departmentSeesTheWholeCityAndMayFilter() {
        Api.as("jiaowei").get("/api/plans/2023/targets").then().statusCode(200).body("regions", hasSize(41));
        Api.as("jiaowei").queryParam("regionCode", "LJXQ").get("/api/plans/2023/targets").then().statusCode(200)
                .body("regions", hasSize(1)).body("regions[0].regionName", equalTo("两江新区"));
    }

    @Test
    void basesYouthAndAnonymousCallersCannotReadTargets() {
        Api.as("base_demo").get("/api/plans/2023/targets").then().statusCode(403).contentType("application/problem+json");
        Api.as("youth_demo").get("/api/plans/2023/targets").then().statusCode(403);
        Api.as("youth_demo").get("/api/plans").then().statusCode(403);
        RestAssured.get("/api/plans/2023/targets").then().statusCode(401);
    }

    @Test
    void unknownYearIsNotFound() {
        Api.as("admin").get("/api/plans/1999/targets").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheCityAdminMayUploadAPlan() throws IOException {
        byte[] file = String.join("\n", annexLines()).getBytes(StandardCharsets.UTF_8);
        for (String user : List.of("wanzhou", "jiaowei", "base_demo", "youth_demo")) {
            Api.as(user).multiPart("file", "plan.csv", file, "text/csv").put("/api/plans/2030/targets")
                    .then().statusCode(403);
        }
        assertEquals(0, TestDb.count("select count(*) from plan where year = 2030"));
    }

    @Test
    void uploadsAPlanForAnotherYearFromCsv() throws IOException {
        List<String> lines = new ArrayList<>(annexLines());
        // Raise 万州区's positions by 100 and keep the CITY row consistent.
        lines.replaceAll(l -> l.startsWith("500101,") ? l.replace(",1800,", ",1900,")
                : l.startsWith("CITY,") ? l.replace(",70000,", ",70100,") : l);
        byte[] file = String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
        Api.as("admin").multiPart("file", "2024计划.csv", file, "text/csv").put("/api/plans/2024/targets")
                .then().statusCode(200)
                .body("year", equalTo(2024))
                .body("city.positions", equalTo(70100))
                .body("regions", hasSize(41));
        Api.as("admin").get("/api/plans").then().statusCode(200).body("year", hasItem(2024));
        Api.as("wanzhou").get("/api/plans/2024/targets").then().body("regions[0].positions", equalTo(1900));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'PLAN_IMPORTED' and target_id = '2024'"));
    }

    @Test
    void acceptsGb18030CsvWithChineseHeaders() throws IOException {
        List<String> lines = new ArrayList<>(annexLines());
        lines.set(0, "区县代码,区县,新增见习基地,其中重点企业,募集见习岗位,组织见习人数,政策宣讲,供需对接活动,选树典型人物,推荐国家级典型");
        byte[] file = String.join("\n", lines).getBytes(Charset.forName("GB18030"));
        Api.as("admin").multiPart("file", "plan.csv", file, "text/csv").put("/api/plans/2026/targets")
                .then().statusCode(200).body("city.positions", equalTo(70000));
    }

    @Test
    void refusesAPlanWithABadRowWholeAndWritesNothing() throws IOException {
        List<String> lines = new ArrayList<>(annexLines());
        lines.replaceAll(l -> l.startsWith("500114,") ? l.replace(",700,", ",-5,") : l); // 黔江区, file row 4
        lines.replaceAll(l -> l.startsWith("500102,") ? "500102,涪陵区,15,50,1400,143,4,6,2,2" : l); // key > new bases
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        long auditBefore = TestDb.count("select count(*) from audit_event where action = 'PLAN_IMPORTED'");
        Api.as("admin").multiPart("file", "bad.csv", file, "text/csv").put("/api/plans/2031/targets")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.findAll { it.row == 4 }.column", hasItem("positions"))
                .body("violations.findAll { it.row == 5 }.column", hasItem("new_bases_key_enterprises"));
        assertEquals(0, TestDb.count("select count(*) from plan where year = 2031"));
        assertEquals(0, TestDb.count("select count(*) from plan_target where year = 2031"));
        assertEquals(auditBefore, TestDb.count("select count(*) from audit_event where action = 'PLAN_IMPORTED'"));
    }

    @Test
    void refusedReplacementLeavesTheExistingPlanIntact() throws IOException {
        List<String> lines = new ArrayList<>(annexLines());
        lines.removeIf(l -> l.startsWith("500103,")); // 渝中区 missing
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Api.as("admin").multiPart("file", "missing.csv", file, "text/csv").put("/api/plans/2023/targets")
                .then().statusCode(422)
                .body("violations.message", hasItem(org.hamcrest.Matchers.containsString("渝中区")));
        assertEquals(41, TestDb.count("select count(*) from plan_target where year = 2023"));
    }

    @Test
    void refusesACityRowThatDisagreesWithTheSum() throws IOException {
        List<String> lines = new ArrayList<>(annexLines());
        lines.replaceAll(l -> l.startsWith("CITY,") ? l.replace(",70000,", ",71000,") : l);
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Api.as("admin").multiPart("file", "city.csv", file, "text/csv").put("/api/plans/2032/targets")
                .then().statusCode(422)
                .body("violations.find { it.row == 2 }.column", equalTo("positions"));
    }

    @Test
    void uploadsAPlanFromXlsx() throws Exception {
        List<String> lines = annexLines();
        byte[] xlsx;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("附件2");
            for (int r = 0; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",");
                var row = sheet.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    if (r > 0 && c >= 2) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        Api.as("admin").multiPart("file", "plan.xlsx", xlsx,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .put("/api/plans/2025/targets")
                .then().statusCode(200).body("city.newBases", equalTo(1000)).body("regions", hasSize(41));
    }

    @Test
    void refusesAnUploadWithoutAFile() {
        Api.as("admin").multiPart("other", "x").put("/api/plans/2033/targets").then().statusCode(400)
                .body("violations.field", hasItem("file"));
    }
}
