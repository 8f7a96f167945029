package cq.jianxi.history;

import cq.jianxi.common.validation.CreditCode;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A district going live brings its records from the previous system: a good file lands whole and the
 * month's report shows it, a bad row refuses the whole file, the same file again changes nothing, and
 * a changed row of an imported record is refused.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class HistoryImportTest {

    static final String REGION = "500102";
    static final String CODE = credit("91500102MA6H7T00");

    @BeforeAll
    static void districtAdmin() {
        TestDb.createUser("fuling", Api.PASSWORD, "DISTRICT_ADMIN", REGION, null);
    }

    private static String credit(String first16) {
        String first17 = first16 + "1";
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** The template's four sheets with the given rows (header = the template's own). */
    private static byte[] workbook(List<List<String>> bases, List<List<String>> positions, List<List<String>> internships,
                                   List<List<String>> payments) throws IOException {
        byte[] template = Api.as("fuling").get("/api/history-imports/template").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<List<List<String>>> all = List.of(bases, positions, internships, payments);
            for (int s = 0; s < 4; s++) {
                var sheet = wb.getSheetAt(s);
                sheet.removeRow(sheet.getRow(1));
                for (int r = 0; r < all.get(s).size(); r++) {
                    var row = sheet.createRow(r + 1);
                    List<String> cells = all.get(s).get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static io.restassured.response.Response upload(byte[] file) {
        return Api.as("fuling").multiPart("file", "history.xlsx", file,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .multiPart("regionCode", REGION).post("/api/history-imports");
    }

    private static List<List<String>> internships(String plannedEnd) {
        String graduate = Youths.idNumber("500102", LocalDate.of(2002, 5, 1));
        String other = Youths.idNumber("500102", LocalDate.of(2001, 7, 9));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("JX-1", graduate, "历史甲", "本科", "2024-06-30", "GW-1", "李工", "2025-03-03", plannedEnd, "2300", "完成见习",
                "2025-03-03", "", "", "被见习单位留用", ""));
        rows.add(List.of("JX-2", other, "历史乙", "", "", "GW-1", "李工", "2025-03-10", "2025-09-09", "2300", "ABNORMAL",
                "2025-03-12", "2025-04-20", "个人原因", "", ""));
        return rows;
    }

    private static final List<List<String>> BASES = List.of(
            List.of(CODE, "涪陵历史科技有限公司", "制造业", "民营", "周经理", "2025-02-10", "", ""));
    private static final List<List<String>> POSITIONS = List.of(
            List.of("GW-1", CODE, "历史见习岗", "技术技能类", "4", "2300", "6", "2025-02-15", "2025-04-30", "", ""));
    private static final List<List<String>> PAYMENTS = List.of(
            List.of("JX-1", "2025-03", "1400", "2025-04-15", "1400", "区县级"),
            List.of("JX-1", "2025-04", "1300", "2025-05-15", "700", "市级"));

    @Test
    void aDistrictBringsItsHistoryWholeOnceAndTheReportShowsIt() throws Exception {
        List<List<String>> internships = internships("2025-09-02");
        // One internship longer than 12 months refuses the whole file.
        List<List<String>> broken = new ArrayList<>(internships);
        List<String> tooLong = new ArrayList<>(internships.get(0));
        tooLong.set(8, "2026-04-30");
        broken.set(0, tooLong);
        long basesBefore = TestDb.count("select count(*) from base where region_code = ?", REGION);
        upload(workbook(BASES, POSITIONS, broken, PAYMENTS)).then().statusCode(422)
                .body("violations.row", hasItem(2)).body("violations.column", hasItem("internships.plannedEnd"));
        assertEquals(basesBefore, TestDb.count("select count(*) from base where region_code = ?", REGION));

        byte[] good = workbook(BASES, POSITIONS, internships, PAYMENTS);
        upload(good).then().statusCode(201).body("created", equalTo(6)).body("unchanged", equalTo(0));
        assertEquals(basesBefore + 1, TestDb.count("select count(*) from base where region_code = ? and origin = 'MIGRATED'", REGION));
        assertEquals(1, TestDb.count("select count(*) from audit_event where action = 'HISTORY_IMPORTED' and detail like '%新增 6 行%'"));

        JsonPath march = Api.as("fuling").queryParam("live", true).get("/api/reports/monthly/" + REGION + "/2025-03").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, march.getInt("annex4.find { it.no == 1 }.value"));
        assertEquals(4, march.getInt("annex4.find { it.no == 3 }.value"));
        assertEquals(2, march.getInt("annex4.find { it.no == 6 }.value"));
        assertEquals(1, march.getInt("annex4.find { it.no == 7 }.value"));
        JsonPath april = Api.as("fuling").queryParam("live", true).get("/api/reports/monthly/" + REGION + "/2025-04").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, april.getInt("annex4.find { it.no == 12 }.value"));
        assertEquals("0.14", april.getString("annex4.find { it.no == 14 }.value"));

        // The same file again changes nothing.
        long internshipsBefore = TestDb.count("select count(*) from internship where region_code = ?", REGION);
        upload(good).then().statusCode(201).body("created", equalTo(0)).body("unchanged", equalTo(6))
                .body("importId", equalTo(null));
        assertEquals(internshipsBefore, TestDb.count("select count(*) from internship where region_code = ?", REGION));
        // A changed row of an imported record is refused, with nothing written.
        List<List<String>> changed = List.of(List.of("GW-1", CODE, "改名的岗位", "技术技能类", "4", "2300", "6", "2025-02-15", "2025-04-30", "", ""));
        upload(workbook(BASES, changed, List.of(), List.of())).then().statusCode(422).body("violations.row", hasItem(2));

        Api.as("wanzhou").multiPart("file", "history.xlsx", good).multiPart("regionCode", REGION).post("/api/history-imports")
                .then().statusCode(403);
        Api.as("base_demo").get("/api/history-imports/template").then().statusCode(403);
    }
}
