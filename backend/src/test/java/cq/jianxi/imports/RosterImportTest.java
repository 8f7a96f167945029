package cq.jianxi.imports;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RosterImportTest {

    static final String HEADER = "学校,姓名,身份证号,学历,专业,毕业日期,毕业去向,见习意愿,培训意愿";

    static JsonPath upload(String user, String password, String path, byte[] file) {
        JsonPath started = Api.as(user, password).multiPart("file", "roster.csv", file, "text/csv").post(path)
                .then().statusCode(202)
                // A small file may already be done by the time the batch is read back.
                .body("status", org.hamcrest.Matchers.anyOf(equalTo("PROCESSING"), equalTo("COMPLETED")))
                .extract().jsonPath();
        return awaitBatch(user, password, started.getLong("id"));
    }

    static JsonPath awaitBatch(String user, String password, long id) {
        for (int i = 0; i < 600; i++) {
            JsonPath batch = Api.as(user, password).get("/api/imports/" + id).then().statusCode(200).extract().jsonPath();
            if (!"PROCESSING".equals(batch.getString("status"))) {
                return batch;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @jakarta.inject.Inject
    cq.jianxi.common.crypto.PersonalDataCipher cipher;

    @Test
    void aRegisteredPersonWithoutAGraduationDateDoesNotBreakTheRoster() {
        String id = Youths.idNumber("500101", Youths.today().minusYears(20));
        // A self-registered young person with no graduation date (issue 10 #4: this made every later roster fail).
        TestDb.update("insert into youth (name, region_code, id_number_hash, current_status) values ('无毕业日期', '500101', ?, 'UNEMPLOYED')",
                cipher.lookupHash(id));
        String csv = String.join("\n", HEADER, "重庆大学,无毕业日期," + id + ",本科,机械工程,2026-06-30,未就业,是,否");
        JsonPath batch = upload("jiaowei", Api.PASSWORD, "/api/imports/graduates", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("COMPLETED", batch.getString("status"), batch.prettify());
        assertEquals(1, batch.getInt("updatedRows"));
        org.junit.jupiter.api.Assertions.assertNull(batch.getString("failure"));
    }

    @Test
    void importsValidRowsReportsBadOnesAndChangesNothingTheSecondTime() {
        LocalDate birth = Youths.today().minusYears(22);
        String a = Youths.idNumber("500101", birth);
        String b = Youths.idNumber("500102", birth);
        String c = Youths.idNumber("500103", birth);
        String bad = Youths.idNumber("500101", birth);
        bad = bad.substring(0, 17) + (bad.charAt(17) == '1' ? '2' : '1');
        String csv = String.join("\n", HEADER,
                "重庆大学,名单甲," + a + ",本科,机械工程,2026-06-30,未就业,是,否",
                "西南大学,名单乙," + b + ",硕士,教育学,2026/6/30,已就业,否,是",
                "重庆邮电大学,名单丙," + c + ",大专,通信工程,202606,待就业,是,是",
                "重庆交通大学,名单丁," + bad + ",本科,土木工程,2026-06-30,未就业,是,否",
                "重庆师范大学,名单戊," + Youths.idNumber("500101", birth) + ",本科,汉语言,下个月,未就业,是,否");
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        JsonPath first = upload("jiaowei", Api.PASSWORD, "/api/imports/graduates", file);
        assertEquals("COMPLETED", first.getString("status"));
        assertEquals(5, first.getInt("totalRows"));
        assertEquals(3, first.getInt("createdRows"));
        assertEquals(2, first.getInt("errorRows"));
        String report = Api.as("jiaowei").get("/api/imports/" + first.getLong("id") + "/errors").then().statusCode(200)
                .extract().asString();
        assertTrue(report.contains("5,id_number"), report);
        assertTrue(report.contains("6,graduation_date"), report);
        assertEquals("500102", TestDb.text("select region_code from youth where name = '名单乙'"));

        JsonPath second = upload("jiaowei", Api.PASSWORD, "/api/imports/graduates", file);
        assertEquals(0, second.getInt("createdRows"));
        assertEquals(0, second.getInt("updatedRows"));
        assertEquals(3, second.getInt("unchangedRows"));
        assertEquals(1, TestDb.count("select count(*) from youth where name = '名单甲'"));
    }

    @Test
    void aRosterWithWrongColumnsIsRefusedWhole() {
        byte[] file = "学校,姓名,电话\n重庆大学,某人,13800000000\n".getBytes(StandardCharsets.UTF_8);
        long before = TestDb.count("select count(*) from import_batch");
        Api.as("jiaowei").multiPart("file", "wrong.csv", file, "text/csv").post("/api/imports/graduates")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.column", hasItem("id_number"));
        assertEquals(before, TestDb.count("select count(*) from import_batch"));
    }

    @Test
    void onlyTheEducationDepartmentOrTheCityUploadsRosters() {
        TestDb.createUser("kjj_roster", Api.PASSWORD, "DEPARTMENT", null, "KJJ");
        byte[] file = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        Api.as("kjj_roster").multiPart("file", "r.csv", file, "text/csv").post("/api/imports/graduates").then().statusCode(403);
        Api.as("wanzhou").multiPart("file", "r.csv", file, "text/csv").post("/api/imports/graduates").then().statusCode(403);
        Api.as("youth_demo").get("/api/imports").then().statusCode(403);
    }

    @Test
    void importsAHundredThousandRowRoster() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        LocalDate birth = LocalDate.of(2002, 1, 1);
        int rows = 100_000;
        for (int i = 0; i < rows; i++) {
            String first17 = "500105" + birth.plusDays(i / 900).toString().replace("-", "") + String.format("%03d", i % 900);
            String id = first17 + cq.jianxi.common.validation.ResidentId.checkCharacter(first17);
            csv.append("重庆大学,批量").append(i).append(',').append(id).append(",本科,计算机科学,2026-06-30,未就业,是,否\n");
        }
        long started = System.nanoTime();
        JsonPath batch = upload("jiaowei", Api.PASSWORD, "/api/imports/graduates", csv.toString().getBytes(StandardCharsets.UTF_8));
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("100,000-row roster imported in " + seconds + " s");
        assertEquals("COMPLETED", batch.getString("status"));
        assertEquals(rows, batch.getInt("createdRows"));
        assertEquals(0, batch.getInt("errorRows"));
    }

    @Test
    void enterpriseStatusFromMarketRegulationFlagsTheBase() {
        long baseId = Recruitment.approvedBase("status_import_base", "PRIVATE");
        String code = TestDb.text("select e.credit_code from employer e join base b on b.employer_id = e.id where b.id = ?", baseId);
        List<String> lines = new ArrayList<>();
        lines.add("统一社会信用代码,经营状态,日期");
        lines.add(code + ",吊销,2026-11-01");
        lines.add("91350100M000100Y43,注销,2026-11-01");
        // A wrong check character, whatever the right one is (a fixed "X" was right for 1 code in 31).
        lines.add(code.substring(0, 17) + (code.charAt(17) == 'X' ? "Y" : "X") + ",存续,2026-11-01");
        JsonPath batch = upload("admin", Api.PASSWORD, "/api/imports/enterprise-status",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        assertEquals(1, batch.getInt("updatedRows"));
        assertEquals(2, batch.getInt("errorRows"));
        Api.as("wanzhou").get("/api/bases/" + baseId).then().body("warning", containsString("吊销"));
        Api.as("jiaowei").multiPart("file", "s.csv", "统一社会信用代码,经营状态\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/api/imports/enterprise-status").then().statusCode(403);
    }

    @Test
    void aFailureMidwayLeavesNothingWritten() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        LocalDate birth = LocalDate.of(2001, 3, 1);
        for (int i = 0; i < 1500; i++) {
            String first17 = "500106" + birth.plusDays(i / 900).toString().replace("-", "") + String.format("%03d", i % 900);
            String id = first17 + cq.jianxi.common.validation.ResidentId.checkCharacter(first17);
            // PostgreSQL refuses a NUL character: the second chunk fails after the first was written.
            String name = i == 1200 ? "中途\u0000失败" : "中途" + i;
            csv.append("重庆大学,").append(name).append(',').append(id).append(",本科,数学,2026-06-30,未就业,是,否\n");
        }
        JsonPath batch = upload("jiaowei", Api.PASSWORD, "/api/imports/graduates", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals("FAILED", batch.getString("status"));
        assertEquals(0, TestDb.count("select count(*) from youth where name like '中途%'"));
    }
}
