package cq.jianxi.support;

import cq.jianxi.common.validation.ResidentId;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Registers young people through the public API for tests. */
public final class Youths {

    public static final String PASSWORD = "Youth#Pass2024";
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 500));
    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private Youths() {
    }

    /** A valid ID number of someone born on {@code birth} in the given division, unique within the run. */
    public static String idNumber(String division, LocalDate birth) {
        int seq = SERIAL.incrementAndGet() % 1000;
        String first17 = division + birth.toString().replace("-", "") + String.format("%03d", seq);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** The platform's today under test: the pinned clock's, wherever a test moved it. */
    public static LocalDate today() {
        return cq.jianxi.support.TestClock.pinnedToday();
    }

    /** A profile of an unemployed bachelor graduate of last June who wants an internship. */
    public static Map<String, Object> profile(String name, String idNumber) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("idNumber", idNumber);
        p.put("phone", phone());
        p.put("regionCode", "500101");
        p.put("education", "BACHELOR");
        p.put("school", "重庆大学");
        p.put("major", "机械工程");
        LocalDate june = LocalDate.of(today().getYear(), 6, 30);
        p.put("graduationDate", (june.isAfter(today()) ? june.minusYears(1) : june).toString());
        p.put("currentStatus", "UNEMPLOYED");
        p.put("internshipIntention", true);
        p.put("trainingIntention", false);
        p.put("preferredRegions", List.of("500101"));
        p.put("preferredCategories", List.of("TECHNICAL"));
        return p;
    }

    /** A mobile number no other registration of this run uses. */
    public static String phone() {
        return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    /** Asks for a registration code for the phone and reads it from the SMS outbox. */
    public static String sendCode(String phone) {
        given().contentType(ContentType.JSON).body(Map.of("phone", phone))
                .post("/api/auth/verification-codes").then().statusCode(202);
        String text = lastMessage(phone);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("验证码 (\\d{6})").matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new AssertionError("no code in the outbox for " + phone + ": " + text);
        }
        return m.group(1);
    }

    /** The latest text message the outbox holds for the phone, or null. */
    public static String lastMessage(String phone) {
        String hash = io.quarkus.arc.Arc.container().instance(cq.jianxi.common.crypto.PersonalDataCipher.class).get().lookupHash(phone);
        var texts = TestDb.texts("select body from sms_outbox where phone_hash = ? order by id desc limit 1", hash);
        return texts.isEmpty() ? null : texts.get(0);
    }

    /** Submits a registration with a fresh code for the profile's phone; the answer is always 202 when well-formed. */
    public static io.restassured.response.Response submit(String username, Map<String, Object> profile) {
        Map<String, Object> body = registration(username, profile);
        body.put("verificationCode", sendCode((String) profile.get("phone")));
        return given().contentType(ContentType.JSON).body(body).post("/api/youth/register");
    }

    /** Registers and returns the person's own record as they see it after logging in. */
    public static io.restassured.response.ValidatableResponse registered(String username, Map<String, Object> profile) {
        submit(username, profile).then().statusCode(202);
        return as(username).get("/api/youth/me").then().statusCode(200);
    }

    /** Registers a 22-year-old in 万州区; returns the youth id. */
    public static long register(String username, String name) {
        String id = idNumber("500101", today().minusYears(22).minusDays(SERIAL.get() % 300));
        Number youthId = registered(username, profile(name, id)).extract().path("id");
        return youthId.longValue();
    }

    public static io.restassured.specification.RequestSpecification as(String username) {
        return Api.as(username, PASSWORD);
    }

    private static volatile String consentVersion;

    /** The consent text in force, as the registration page shows it. */
    public static String consentVersion() {
        if (consentVersion == null) {
            consentVersion = given().get("/api/privacy/consent-text").then().statusCode(200).extract().path("version");
        }
        return consentVersion;
    }

    public static Map<String, Object> registration(String username, Map<String, Object> profile) {
        Map<String, Object> body = new HashMap<>();
        body.put("consentVersion", consentVersion());
        body.put("profile", profile);
        body.put("username", username);
        body.put("password", PASSWORD);
        return body;
    }
}
