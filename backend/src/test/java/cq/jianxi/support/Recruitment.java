package cq.jianxi.support;

import cq.jianxi.common.validation.CreditCode;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds bases and positions through the API for recruitment tests. */
public final class Recruitment {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    public static final String BASE_PASSWORD = "Base#Pass2024";

    private Recruitment() {
    }

    public static io.restassured.specification.RequestSpecification asBase(String username) {
        return Api.as(username, BASE_PASSWORD);
    }

    public static String newCreditCode(String region) {
        String first17 = "91" + (region.chars().allMatch(Character::isDigit) ? region : "500000")
                + String.format("%09d", 500_000_000 + SERIAL.incrementAndGet());
        return first17 + CreditCode.checkCharacter(first17);
    }

    public static Map<String, Object> application(String region, String name, String ownership, String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", newCreditCode(region));
        body.put("employerName", name);
        body.put("regionCode", region);
        body.put("industry", "软件和信息技术服务业");
        body.put("ownership", ownership);
        body.put("keyCategories", List.of());
        body.put("contactName", "张联系");
        body.put("contactPhone", "13912345678");
        body.put("address", "重庆市某区某路 1 号");
        if (username != null) {
            body.put("username", username);
            body.put("password", BASE_PASSWORD);
        }
        return body;
    }

    /** Files an approved base in 万州区 directly as its district admin, with a BASE account; returns the base id. */
    public static long approvedBase(String username, String ownership) {
        Number id = Api.as("wanzhou").contentType(ContentType.JSON)
                .body(application("500101", "测试单位" + username, ownership, username))
                .post("/api/bases/applications").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A passed on-site inspection of a pending filing, recorded today by the given district admin (approval needs one). */
    public static long passedInspection(String districtUser, long baseId) {
        Map<String, Object> body = new HashMap<>();
        body.put("inspectedOn", cq.jianxi.support.TestClock.pinnedToday().toString());
        body.put("inspectorOne", "核查员甲");
        body.put("inspectorTwo", "核查员乙");
        body.put("findings", "场所与申报一致，具备带教条件");
        body.put("conclusion", "PASSED");
        Number id = Api.as(districtUser).contentType(ContentType.JSON).body(body)
                .post("/api/bases/" + baseId + "/inspections").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    public static Map<String, Object> position(String title, int headcount) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("category", "TECHNICAL");
        body.put("headcount", headcount);
        body.put("education", "BACHELOR");
        body.put("majors", "机械、电气");
        body.put("description", "协助工程师完成产线调试");
        body.put("regionCode", "500101");
        body.put("monthlyAllowance", 2200.00);
        body.put("durationMonths", 6);
        body.put("deadline", cq.jianxi.support.TestClock.pinnedToday().plusDays(30).toString());
        return body;
    }

    /** Creates and submits a position as the given base account; returns its id. */
    public static long submittedPosition(String baseUser, String title, int headcount) {
        Number id = asBase(baseUser).contentType(ContentType.JSON).body(position(title, headcount))
                .post("/api/positions").then().statusCode(201).extract().path("id");
        asBase(baseUser).post("/api/positions/" + id + "/submit").then().statusCode(200);
        return id.longValue();
    }

    public static long publishedPosition(String baseUser, String title, int headcount) {
        long id = submittedPosition(baseUser, title, headcount);
        Api.as("wanzhou").post("/api/positions/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
