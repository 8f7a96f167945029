package cq.jianxi.support.matrix;

import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The accounts the matrix calls as and the objects of its two scopes, built once through the API (as
 * the districts, the bases and the young people themselves), plus fresh objects for the calls a row
 * expects to succeed. All accounts are the matrix's own, so that logging out or changing a password
 * touches no other test's session.
 */
public final class MatrixFixture {

    public static final String PASSWORD = "Matrix#Pass2024";
    static final String CITY = "mx_city";
    static final String SETUP = "mx_setup";
    static final String DISTRICT_A = "mx_district_a";
    static final String DISTRICT_B = "mx_district_b";
    static final String DEPARTMENT = "mx_dept";
    static final String LOGIN = "mx_login";
    /** Years and periods no other test uses, for the writes the city makes to whole years and months. */
    public static final int CALENDAR_YEAR = 2096;
    public static final int RATE_YEAR = 2097;
    public static final int PLAN_YEAR = 2095;
    /** The year whose plan the migrations load (targets, annual report). */
    public static final int SEEDED_PLAN_YEAR = 2023;

    private static MatrixFixture instance;
    private static Throwable failure;

    public final Scope a = new Scope("A", "500101", "甲");
    public final Scope b = new Scope("B", "500103", "乙");

    private final AtomicInteger serial = new AtomicInteger();
    private YearMonth nextReportPeriod;
    private byte[] emptyHistoryWorkbook;

    private final String database = TestDb.jdbcUrl;

    private MatrixFixture() {
    }

    public static synchronized MatrixFixture get() {
        // A failed build fails every cell at once rather than being tried again (and colliding) per cell.
        if (failure != null) {
            throw new IllegalStateException("the matrix fixture could not be built", failure);
        }
        // Another application (a test profile of its own) has its own database: the fixture is built again there.
        if (instance != null && !java.util.Objects.equals(instance.database, TestDb.jdbcUrl)) {
            instance = null;
            cq.jianxi.support.Api.forgetSessions();
        }
        if (instance == null) {
            MatrixFixture fx = new MatrixFixture();
            try {
                fx.build();
            } catch (RuntimeException | AssertionError e) {
                failure = e;
                throw e;
            }
            instance = fx;
        }
        return instance;
    }

    public static LocalDate today() {
        return TestClock.pinnedToday();
    }

    public static YearMonth lastMonth() {
        return TestClock.pinnedMonth().minusMonths(1);
    }

    /** A fresh name for usernames and titles, unique within the run. */
    public String next(String prefix) {
        return prefix + serial.incrementAndGet();
    }

    /** The context of one cell: the caller, the scope whose object it names, and whether it should succeed. */
    public Call call(Actor actor, Scope scope, boolean succeeds) {
        return new Call(this, actor, scope, succeeds);
    }

    // ---------------------------------------------------------------- accounts and tokens

    String username(Actor actor) {
        return switch (actor) {
            case ANON -> null;
            case CITY -> CITY;
            case DISTRICT -> DISTRICT_A;
            case DEPARTMENT -> DEPARTMENT;
            case BASE -> a.baseUser;
            case YOUTH -> a.youthUser;
        };
    }

    static String password(Actor actor) {
        return switch (actor) {
            case BASE -> Recruitment.BASE_PASSWORD;
            case YOUTH -> Youths.PASSWORD;
            default -> PASSWORD;
        };
    }

    /** The caller's token, logged in again once it is a few minutes old (tokens live ten minutes). */
    public String token(Actor actor) {
        return token(username(actor), password(actor));
    }

    String token(String username, String password) {
        return cq.jianxi.support.Api.token(username, password);
    }

    /** A new session: the password, then the second factor staff need (see {@link cq.jianxi.support.Api}). */
    static String login(String username, String password) {
        return cq.jianxi.support.Api.login(username, password);
    }

    /** A token of a new session of the caller's account, for calls that end or renew the session. */
    public String freshSession(Actor actor) {
        return actor == Actor.ANON ? null : login(username(actor), password(actor));
    }

    /** A new account with the caller's role and scope (a new young person for YOUTH): {username, password}. */
    public String[] throwaway(Actor actor) {
        String name = next("mx_tmp");
        switch (actor) {
            case CITY -> TestDb.createUser(name, PASSWORD, "CITY_ADMIN", null, null);
            case DISTRICT -> TestDb.createUser(name, PASSWORD, "DISTRICT_ADMIN", a.region, null);
            case DEPARTMENT -> TestDb.createUser(name, PASSWORD, "DEPARTMENT", null, "JW");
            case BASE -> TestDb.update("insert into user_account (username, password_hash, display_name, role, region_code, base_id, created_at)"
                    + " values (?, ?, ?, 'BASE', ?, ?, now())", name, BcryptUtil.bcryptHash(PASSWORD), name, a.region, a.base);
            case YOUTH -> {
                freshYouth(a, name);
                return new String[]{name, Youths.PASSWORD};
            }
            case ANON -> throw new IllegalArgumentException("ANON has no account");
        }
        return new String[]{name, PASSWORD};
    }

    public static String loginUser() {
        return LOGIN;
    }

    private static RequestSpecification as(String username, String password) {
        return cq.jianxi.support.Api.as(username, password);
    }

    private RequestSpecification asSetup() {
        return as(SETUP, PASSWORD);
    }

    private RequestSpecification asDistrict(Scope s) {
        return as(s.districtUser, PASSWORD);
    }

    private RequestSpecification asBase(Scope s) {
        return as(s.baseUser, Recruitment.BASE_PASSWORD);
    }

    private RequestSpecification asYouth(Scope s) {
        return as(s.youthUser, Youths.PASSWORD);
    }

    private static JsonPath send(RequestSpecification spec, String method, String path, Object body, int status) {
        RequestSpecification r = body == null ? spec : spec.contentType(ContentType.JSON).body(body);
        return r.request(method, path).then().statusCode(status).extract().jsonPath();
    }

    private static long id(JsonPath json) {
        return json.getLong("id");
    }

    // ---------------------------------------------------------------- building the two scopes

    private void build() {
        TestDb.createUser(CITY, PASSWORD, "CITY_ADMIN", null, null);
        TestDb.createUser(SETUP, PASSWORD, "CITY_ADMIN", null, null);
        TestDb.createUser(LOGIN, PASSWORD, "CITY_ADMIN", null, null);
        TestDb.createUser(DISTRICT_A, PASSWORD, "DISTRICT_ADMIN", a.region, null);
        TestDb.createUser(DISTRICT_B, PASSWORD, "DISTRICT_ADMIN", b.region, null);
        TestDb.createUser(DEPARTMENT, PASSWORD, "DEPARTMENT", null, "JW");
        a.districtUser = DISTRICT_A;
        b.districtUser = DISTRICT_B;
        nextReportPeriod = YearMonth.of(today().getYear() - 2, 1);
        for (Scope s : List.of(a, b)) {
            buildScope(s);
        }
        a.importBatch = upload(asSetup(), "/api/imports/graduates", "roster.csv",
                "学校,姓名,身份证号,学历,专业,毕业日期,毕业去向,见习意愿,培训意愿\n");
        b.importBatch = upload(asSetup(), "/api/imports/enterprise-status", "status.csv",
                "统一社会信用代码,经营状态,日期\n" + Recruitment.newCreditCode(b.region) + ",存续," + today() + "\n");
    }

    private void buildScope(Scope s) {
        s.baseUser = "mx_base_" + s.label.toLowerCase();
        JsonPath filed = send(asDistrict(s), "POST", "/api/bases/applications",
                Recruitment.application(s.region, "矩阵基地" + s.tag, "PRIVATE", s.baseUser), 201);
        s.base = id(filed);
        s.employer = filed.getLong("employer.id");
        s.publishedPosition = publish(s, draft(s, "矩阵岗位" + s.tag));
        s.submittedPosition = submit(s, draft(s, "矩阵待审" + s.tag));
        s.draftPosition = draft(s, "矩阵草稿" + s.tag);
        s.pendingFiling = freshPendingFiling(s);
        s.inspection = passedInspection(s, s.pendingFiling);
        s.document = baseDocument(s);

        s.youthUser = "mx_youth_" + s.label.toLowerCase();
        s.youthProfile = profile(s, "矩阵" + s.tag);
        s.youth = registerYouth(s.youthUser, s.youthProfile);
        s.application = id(send(asYouth(s), "POST", "/api/applications", Map.of("positionId", s.publishedPosition, "contactShared", true), 201));
        s.baseNotification = Long.parseLong(TestDb.text("select max(id)::text from notification where base_id = ?", s.base));
        JsonPath served = send(asDistrict(s), "POST", "/api/services", Map.of("youthIds", List.of(s.youth),
                "kind", "POSITION_PUSH", "positionId", s.publishedPosition, "note", "矩阵推送"), 201);
        s.serviceRecord = served.getLong("[0].id");
        s.youthNotification = Long.parseLong(TestDb.text("select max(id)::text from notification where youth_id = ?", s.youth));

        int year = today().getYear();
        LocalDate jan1 = LocalDate.of(year, 1, 1);
        s.internship = offline(s, s.youth, jan1, LocalDate.of(year, 12, 31), jan1);
        for (YearMonth m = YearMonth.of(year, 1); m.isBefore(TestClock.pinnedMonth()); m = m.plusMonths(1)) {
            s.freeMonths.add(m.toString());
        }
        s.confirmMonth = s.freeMonths.pollLast();
        s.flagMonth = s.freeMonths.pollLast();
        s.submittedClaimMonth = s.freeMonths.peekFirst();
        s.submittedClaim = freshClaim(s);
        s.approvedClaim = freshClaim(s);
        send(asDistrict(s), "POST", "/api/subsidy-claims/" + s.approvedClaim + "/approve", Map.of(), 200);

        s.overdueInternship = offline(s, freshYouth(s, next("mx_y")), LocalDate.of(year, 3, 1), LocalDate.of(year, 8, 31),
                LocalDate.of(year, 3, 1));
        s.completedInternship = offline(s, freshYouth(s, next("mx_y")), LocalDate.of(year, 4, 1), LocalDate.of(year, 9, 30),
                LocalDate.of(year, 4, 1));
        send(asDistrict(s), "POST", "/api/internships/" + s.completedInternship + "/end", Map.of("type", "COMPLETED"), 200);
        s.pendingInternship = freshPendingInternship(s);
        s.signedInternship = freshSignedInternship(s);

        s.activity = activity(s, today().plusDays(10));
        s.pastActivity = freshPastActivity(s);
        s.attachment = asDistrict(s).multiPart("kind", "PHOTO").multiPart("file", "photo.png", png(), "image/png")
                .post("/api/activities/" + s.activity + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");

        String keyCode = Recruitment.newCreditCode(s.region);
        asSetup().multiPart("file", "key.csv", ("区县,类别,企业名称,统一社会信用代码\n" + s.region + ",ZJTX,矩阵重点企业" + s.tag + "," + keyCode + "\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv").post("/api/key-enterprises/import").then().statusCode(200);
        s.keyEnterprise = Long.parseLong(TestDb.text("select id::text from key_enterprise_entry where credit_code = ?", keyCode));

        s.reportPeriod = freshSubmittedReport(s);
        s.cityNotification = Long.parseLong(TestDb.text("select max(id)::text from notification where to_city"));
        s.regionNotification = Long.parseLong(TestDb.text(
                "select max(id)::text from notification where region_code = ? and kind = 'FILING_WAITING'", s.region));

        s.baseAccount = accountId(s.baseUser);
        s.deletionRequest = freshDeletionRequest(s);
        s.youthClaim = freshYouthClaim(s);
    }

    private static long upload(RequestSpecification spec, String path, String file, String csv) {
        return spec.multiPart("file", file, csv.getBytes(StandardCharsets.UTF_8), "text/csv").post(path)
                .then().statusCode(202).extract().jsonPath().getLong("id");
    }

    // ---------------------------------------------------------------- bodies

    /** A valid position draft working in the scope's district. */
    public Map<String, Object> position(Scope s, String title) {
        Map<String, Object> p = Recruitment.position(title, 1000);
        p.put("regionCode", s.region);
        // Not the category and major the other tests' young people want, so that the matrix's many
        // positions do not crowd theirs out of the recommendations.
        p.put("category", "MANAGEMENT");
        p.put("majors", "行政管理");
        return p;
    }

    /** A young person of the scope: 22, graduated last year, unemployed, living in and wanting only that district. */
    public Map<String, Object> profile(Scope s, String name) {
        String idNumber = Youths.idNumber(s.region, today().minusYears(22).minusDays(serial.incrementAndGet() % 300));
        Map<String, Object> p = Youths.profile(name, idNumber);
        p.put("regionCode", s.region);
        p.put("preferredRegions", List.of(s.region));
        p.put("graduationDate", LocalDate.of(today().getYear() - 1, 6, 30).toString());
        return p;
    }

    public Map<String, Object> youthProfile(Scope s) {
        return s.youthProfile;
    }

    /** An agreement from {@code start} for six months, arrived on {@code arrivedOn} (null: not yet). */
    public static Map<String, Object> agreement(LocalDate start, LocalDate plannedEnd, LocalDate arrivedOn) {
        Map<String, Object> a = new HashMap<>();
        a.put("mentorName", "矩阵导师");
        a.put("mentorPhone", "13600001234");
        a.put("startDate", start.toString());
        a.put("plannedEnd", plannedEnd.toString());
        a.put("monthlyAllowance", "2300.00");
        if (arrivedOn != null) {
            a.put("arrivedOn", arrivedOn.toString());
        }
        if (start.isBefore(today())) {
            a.put("reason", "矩阵测试补录");
        }
        return a;
    }

    public static Map<String, Object> offlineBody(long youth, Scope s, LocalDate start, LocalDate plannedEnd, LocalDate arrivedOn) {
        return Map.of("youthId", youth, "baseId", s.base, "positionId", s.publishedPosition,
                "agreement", agreement(start, plannedEnd, arrivedOn));
    }

    /** A tiny PNG (its signature is what the upload checks). */
    public static byte[] png() {
        return "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\0\u0001\0\0\0\u0001\u0008\u0002\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The 2023 plan as loaded from the notice, a valid targets file for any year. */
    public static byte[] planFile() {
        try (InputStream in = MatrixFixture.class.getResourceAsStream("/notice/annex2-targets-2023.csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The history template with its example rows removed: a valid import of nothing. */
    public synchronized byte[] emptyHistoryWorkbook() {
        if (emptyHistoryWorkbook == null) {
            byte[] template = asSetup().get("/api/history-imports/template").then().statusCode(200).extract().asByteArray();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    var sheet = wb.getSheetAt(i);
                    for (int r = sheet.getLastRowNum(); r >= 1; r--) {
                        if (sheet.getRow(r) != null) {
                            sheet.removeRow(sheet.getRow(r));
                        }
                    }
                }
                wb.write(out);
                emptyHistoryWorkbook = out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return emptyHistoryWorkbook;
    }

    // ---------------------------------------------------------------- fresh objects

    /** A self-service filing waiting for review. */
    public long freshPendingFiling(Scope s) {
        return id(send(RestAssured.given(), "POST", "/api/bases/applications",
                Recruitment.application(s.region, next("见习申请单位"), "PRIVATE", next("mx_pf")), 201));
    }

    /** A pending filing with a passed on-site inspection: ready to be approved. */
    public long freshInspectedFiling(Scope s) {
        long id = freshPendingFiling(s);
        passedInspection(s, id);
        return id;
    }

    private long passedInspection(Scope s, long filing) {
        return id(send(asDistrict(s), "POST", "/api/bases/" + filing + "/inspections", Map.of("inspectedOn", today().toString(),
                "inspectorOne", "矩阵核查员甲", "inspectorTwo", "矩阵核查员乙", "findings", "矩阵核查", "conclusion", "PASSED"), 201));
    }

    /**
     * A document of the scope's (approved) base: uploaded to a pending filing by its own account, as only
     * a pending filing takes documents, then moved to the base so that its account has a file to read.
     */
    private long baseDocument(Scope s) {
        String user = next("mx_doc");
        long filing = id(send(RestAssured.given(), "POST", "/api/bases/applications",
                Recruitment.application(s.region, next("矩阵材料单位"), "PRIVATE", user), 201));
        long doc = as(user, Recruitment.BASE_PASSWORD).multiPart("kind", "BUSINESS_LICENCE")
                .multiPart("file", "licence.png", png(), "image/png").post("/api/bases/" + filing + "/documents")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        TestDb.update("update base_file set base_id = ? where id = ?", s.base, doc);
        return doc;
    }

    /** A base the scope's district filed (approved at once). */
    public long freshApprovedBase(Scope s) {
        return id(send(asDistrict(s), "POST", "/api/bases/applications",
                Recruitment.application(s.region, next("见习备案单位"), "PRIVATE", null), 201));
    }

    private long draft(Scope s, String title) {
        return id(send(asBase(s), "POST", "/api/positions", position(s, title), 201));
    }

    private long submit(Scope s, long position) {
        send(asBase(s), "POST", "/api/positions/" + position + "/submit", null, 200);
        return position;
    }

    private long publish(Scope s, long position) {
        submit(s, position);
        send(asDistrict(s), "POST", "/api/positions/" + position + "/approve", null, 200);
        return position;
    }

    public long freshDraftPosition(Scope s) {
        return draft(s, next("见习岗位"));
    }

    public long freshSubmittedPosition(Scope s) {
        return submit(s, freshDraftPosition(s));
    }

    public long freshPublishedPosition(Scope s) {
        return publish(s, freshDraftPosition(s));
    }

    /** The scope's young person applies to a new position of the scope's base. */
    public long freshApplication(Scope s) {
        return id(send(asYouth(s), "POST", "/api/applications", Map.of("positionId", freshPublishedPosition(s), "contactShared", true), 201));
    }

    /** Registers a young person of the scope under {@code username}; returns the youth id. */
    public long freshYouth(Scope s, String username) {
        return registerYouth(username, profile(s, next("见习者")));
    }

    /** Registers with a code sent to the profile's phone and reads the new record's id as the person. */
    private static long registerYouth(String username, Map<String, Object> profile) {
        Youths.submit(username, profile).then().statusCode(202);
        return as(username, Youths.PASSWORD).get("/api/youth/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    public long freshYouth(Scope s) {
        return freshYouth(s, next("mx_y"));
    }

    /** An accepted offer: an internship waiting for the base to sign the agreement. */
    public long freshPendingInternship(Scope s) {
        String user = next("mx_y");
        freshYouth(s, user);
        RequestSpecification youth = as(user, Youths.PASSWORD);
        long app = id(send(youth, "POST", "/api/applications", Map.of("positionId", s.publishedPosition, "contactShared", true), 201));
        for (String to : List.of("SCREENING", "OFFERED")) {
            send(asBase(s), "POST", "/api/applications/" + app + "/transitions", Map.of("to", to), 200);
        }
        send(as(user, Youths.PASSWORD), "POST", "/api/applications/" + app + "/transitions", Map.of("to", "ACCEPTED"), 200);
        return Long.parseLong(TestDb.text("select id::text from internship where application_id = ?", app));
    }

    private long offline(Scope s, long youth, LocalDate start, LocalDate plannedEnd, LocalDate arrivedOn) {
        return id(send(asDistrict(s), "POST", "/api/internships/offline", offlineBody(youth, s, start, plannedEnd, arrivedOn), 201));
    }

    /** A young person of the scope with an ended internship of the scope's base; returns {username, internship id}. */
    public String[] freshEndedInternship(Scope s) {
        String user = next("mx_y");
        long youth = freshYouth(s, user);
        int year = today().getYear();
        long id = offline(s, youth, LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 6, 30), LocalDate.of(year - 1, 1, 1));
        send(asDistrict(s), "POST", "/api/internships/" + id + "/end", Map.of("type", "COMPLETED"), 200);
        return new String[]{user, String.valueOf(id)};
    }

    private int evaluationYears = 2060;

    /** A year no one has evaluated, with a scheme of computed criteria only (so a district can close it at once). */
    public synchronized int freshEvaluationYear() {
        int year = evaluationYears++;
        TestDb.update("insert into evaluation_scheme (year, updated_by) values (?, 'matrix')", year);
        TestDb.update("""
                insert into evaluation_criterion (year, code, name, kind, metric, weight, full_at, zero_at, seq)
                values (?, 'INTAKE', '吸纳率', 'COMPUTED', 'INTAKE', 100, 1, 0, 1)""", year);
        return year;
    }

    /** A fresh year the scope's district has closed. */
    public int freshClosedYear(Scope s) {
        int year = freshEvaluationYear();
        send(asDistrict(s), "POST", "/api/evaluations/" + year + "/regions/" + s.region + "/close", null, 200);
        return year;
    }

    /** A fresh closed year whose district demonstration bases are confirmed; returns {year, awarded base}. */
    public long[] freshDistrictAward(Scope s) {
        int year = freshClosedYear(s);
        send(asDistrict(s), "POST", "/api/evaluations/" + year + "/regions/" + s.region + "/district-awards",
                Map.of("replacements", List.of()), 200);
        long base = Long.parseLong(TestDb.text("select base_id::text from demonstration_award where year = ? and region_code = ? limit 1",
                year, s.region));
        return new long[]{year, base};
    }

    /** A fresh year in which the district nominated its demonstration base to the city; returns {year, base}. */
    public long[] freshCityNomination(Scope s) {
        long[] award = freshDistrictAward(s);
        send(asDistrict(s), "POST", "/api/evaluations/" + award[0] + "/awards",
                Map.of("baseId", award[1], "stage", "CITY_NOMINATED"), 200);
        return award;
    }

    /** Signed from today, not yet arrived. */
    public long freshSignedInternship(Scope s) {
        return offline(s, freshYouth(s), today(), today().plusMonths(6).minusDays(1), null);
    }

    /** Signed and arrived today. */
    public long freshOnPostInternship(Scope s) {
        return offline(s, freshYouth(s), today(), today().plusMonths(6).minusDays(1), today());
    }

    /** A month of the scope's own internship, now confirmed by the base and the young person. */
    public synchronized String claimableMonth(Scope s) {
        String month = s.freeMonths.poll();
        if (month == null) {
            throw new IllegalStateException("No unconfirmed month left on " + s + "'s internship");
        }
        send(asBase(s), "POST", "/api/internships/" + s.internship + "/confirmations", Map.of("month", month, "daysPresent", 20), 200);
        send(asYouth(s), "POST", "/api/internships/" + s.internship + "/confirmations", Map.of("month", month), 200);
        return month;
    }

    /** A submitted subsidy claim of a newly confirmed month. */
    public long freshClaim(Scope s) {
        String month = claimableMonth(s);
        return id(send(asBase(s), "POST", "/api/subsidy-claims", Map.of("internshipId", s.internship, "month", month), 201));
    }

    /** A period no report has been submitted for yet (two years back, one after the other). */
    public synchronized String nextReportPeriod() {
        String period = nextReportPeriod.toString();
        nextReportPeriod = nextReportPeriod.plusMonths(1);
        return period;
    }

    public static Map<String, Object> submission() {
        return Map.of("filledBy", "矩阵填报", "phone", "023-77661234", "filledOn", today().toString());
    }

    /** A period whose report the scope's district has just submitted. */
    public String freshSubmittedReport(Scope s) {
        String period = nextReportPeriod();
        send(asDistrict(s), "POST", "/api/reports/monthly/" + s.region + "/" + period + "/submit", submission(), 200);
        return period;
    }

    private long activity(Scope s, LocalDate heldOn) {
        return id(send(asDistrict(s), "POST", "/api/activities", Map.of("kind", "MATCHING_OFFLINE", "regionCode", s.region,
                "heldOn", heldOn.toString(), "title", next("矩阵对接会"), "organizer", "矩阵人社局", "venue", "矩阵会场"), 201));
    }

    /** A matching event held before the scope's internship started, so that it can be linked. */
    public long freshPastActivity(Scope s) {
        return activity(s, LocalDate.of(today().getYear() - 1, 12, 20));
    }

    // ---------------------------------------------------------------- accounts, privacy, claims

    static long accountId(String username) {
        return Long.parseLong(TestDb.text("select id::text from user_account where username = ?", username));
    }

    /** A second account of the scope's base, for the administration calls that change an account. */
    public long freshBaseAccount(Scope s) {
        String name = next("mx_acct");
        TestDb.update("insert into user_account (username, password_hash, display_name, role, region_code, base_id, created_at)"
                + " values (?, ?, ?, 'BASE', ?, ?, now())", name, BcryptUtil.bcryptHash(PASSWORD), name, s.region, s.base);
        return accountId(name);
    }

    /** A new young person of the scope who has asked for their account to be deleted. */
    public long freshDeletionRequest(Scope s) {
        String user = next("mx_del");
        freshYouth(s, user);
        return id(send(as(user, Youths.PASSWORD), "POST", "/api/privacy/me/deletion-requests", Map.of("reason", "矩阵注销"), 201));
    }

    /** A roster record of the scope claimed by a registration with another phone: a claim the district decides. */
    public long freshYouthClaim(Scope s) {
        var cipher = io.quarkus.arc.Arc.container().instance(cq.jianxi.common.crypto.PersonalDataCipher.class).get();
        String name = next("矩阵名单");
        Map<String, Object> profile = profile(s, name);
        String idNumber = (String) profile.get("idNumber");
        TestDb.update("""
                        insert into youth (name, id_number_enc, id_number_hash, birth_date, sex, phone_enc, region_code, education,
                                           school, major, graduation_date, current_status, source, created_at, updated_at)
                        values (?, ?, ?, ?, 'M', ?, ?, 'BACHELOR', '西南大学', '历史学', ?, 'UNEMPLOYED', 'ROSTER', now(), now())""",
                name, cipher.encrypt(idNumber), cipher.lookupHash(idNumber), cq.jianxi.common.validation.ResidentId.birthDate(idNumber),
                cipher.encrypt(Youths.phone()), s.region, today().minusMonths(5));
        long roster = TestDb.count("select id from youth where id_number_hash = ?", cipher.lookupHash(idNumber));
        Youths.submit(next("mx_claim"), profile).then().statusCode(202);
        return TestDb.count("select id from youth_claim where youth_id = ?", roster);
    }

    /** A second account of the scope's base, disabled by the city. */
    public long freshDisabledBaseAccount(Scope s) {
        long id = freshBaseAccount(s);
        send(asSetup(), "POST", "/api/accounts/" + id + "/disable", null, 200);
        return id;
    }
}
