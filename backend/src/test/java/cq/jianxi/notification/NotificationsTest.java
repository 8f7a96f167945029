package cq.jianxi.notification;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.report.service.MonthlyReportDeadlineReminder;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.TestDb;
import cq.jianxi.support.Youths;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every state change someone waits for reaches them: each test makes one change through the API and
 * reads the recipient's notifications as the recipient does, and where a text message goes with it,
 * the outbox holds exactly one, without anyone's name in it.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class NotificationsTest {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 100_000));
    /** A region of this test's own for the monthly report and its deadlines. */
    private static final String REPORT_REGION = "500110";
    private static final String REPORT_DISTRICT = "nt_qijiang";

    @Inject
    MonthlyReportDeadlineReminder deadlines;
    @Inject
    PersonalDataCipher cipher;

    // ---------------------------------------------------------------- helpers

    private static String unique(String prefix) {
        return prefix + SERIAL.incrementAndGet();
    }

    /** The recipient's newest notification of a kind whose body mentions the marker, as the recipient lists it. */
    private static Map<String, Object> newest(RequestSpecification who, String kind, String marker) {
        JsonPath page = who.queryParam("size", 100).get("/api/notifications").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(n -> kind.equals(n.get("kind")) && ((String) n.get("body")).contains(marker))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " mentioning " + marker + " in " + items));
    }

    private static long count(RequestSpecification who, String kind, String marker) {
        List<Map<String, Object>> items = who.queryParam("size", 100).get("/api/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(n -> kind.equals(n.get("kind")) && ((String) n.get("body")).contains(marker)).count();
    }

    /** The text messages announcing changes that the outbox holds for a phone. */
    private List<String> texts(String phone) {
        return TestDb.texts("select body from sms_outbox where phone_hash = ? and template = 'NOTICE' order by id",
                cipher.lookupHash(phone));
    }

    private static RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    /** A base applies for itself (pending, with its own contact phone); returns the filing id. */
    private static long selfFiling(String username, String name, String phone) {
        Map<String, Object> body = Recruitment.application("500101", name, "PRIVATE", username);
        body.put("contactPhone", phone);
        Number id = json(RestAssured.given(), body).post("/api/bases/applications").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A base filed and approved through its own application, review and inspection. */
    private static long approvedSelfFiledBase(String username, String name, String phone) {
        long id = selfFiling(username, name, phone);
        Recruitment.passedInspection("wanzhou", id);
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static long apply(String youth, long position) {
        Number id = json(Youths.as(youth), Map.of("positionId", position, "contactShared", true))
                .post("/api/applications").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    private static void move(RequestSpecification who, long application, Map<String, Object> transition) {
        json(who, transition).post("/api/applications/" + application + "/transitions").then().statusCode(200);
    }

    /** A young person's accepted offer at a new base: the internship waiting for its agreement. */
    private record Placement(String base, String youth, String youthPhone, long youthId, long internship) {
    }

    private static Placement accepted(String tag) {
        String base = unique("nt_b" + tag);
        Recruitment.approvedBase(base, "PRIVATE");
        String youth = unique("nt_y" + tag);
        Map<String, Object> profile = Youths.profile("通知" + tag, Youths.idNumber("500101", Youths.today().minusYears(22)));
        long youthId = Youths.registered(youth, profile).extract().<Number>path("id").longValue();
        long position = Recruitment.publishedPosition(base, "通知岗位" + tag, 3);
        long app = apply(youth, position);
        move(Recruitment.asBase(base), app, Map.of("to", "SCREENING"));
        move(Recruitment.asBase(base), app, Map.of("to", "OFFERED"));
        move(Youths.as(youth), app, Map.of("to", "ACCEPTED"));
        long internship = Long.parseLong(TestDb.text("select id::text from internship where application_id = ?", app));
        return new Placement(base, youth, (String) profile.get("phone"), youthId, internship);
    }

    private static Map<String, Object> agreement(LocalDate start, LocalDate arrivedOn) {
        Map<String, Object> a = new HashMap<>(Map.of("mentorName", "陈师傅", "startDate", start.toString(),
                "plannedEnd", start.plusMonths(6).minusDays(1).toString(), "monthlyAllowance", "2300.00"));
        if (arrivedOn != null) {
            a.put("arrivedOn", arrivedOn.toString());
        }
        return a;
    }

    private static void confirm(RequestSpecification who, long internship, YearMonth month, Integer days) {
        Map<String, Object> body = new HashMap<>(Map.of("month", month.toString()));
        if (days != null) {
            body.put("daysPresent", days);
        }
        json(who, body).post("/api/internships/" + internship + "/confirmations").then().statusCode(200);
    }

    private static Map<String, Object> submission() {
        return Map.of("filledBy", "通知测试填报", "phone", "023-77660000", "filledOn", TestClock.pinnedToday().toString());
    }

    private static <T> T await(Supplier<io.smallrye.mutiny.Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    // ---------------------------------------------------------------- a base

    @Test
    void aSubmittedFilingWaitsForTheDistrictAndItsApprovalReachesTheBaseInAppAndByOneTextWithoutNames() {
        String user = unique("nt_fa");
        String name = unique("通知备案单位");
        String phone = Youths.phone();
        long id = selfFiling(user, name, phone);
        Map<String, Object> waiting = newest(Api.as("wanzhou"), "FILING_WAITING", name);
        assertEquals("/admin/base-review", waiting.get("link"));
        assertTrue(((String) waiting.get("body")).contains("前完成"), "the district is told the review deadline");
        // The waiting filing is the district's, not another district's or the city's.
        assertEquals(0, count(Api.as("admin"), "FILING_WAITING", name));

        Recruitment.passedInspection("wanzhou", id);
        Api.as("wanzhou").post("/api/bases/" + id + "/approve").then().statusCode(200);
        Map<String, Object> approved = newest(Recruitment.asBase(user), "FILING_APPROVED", name);
        assertEquals("/base/filing", approved.get("link"));
        assertEquals("见习基地备案已审核通过", approved.get("kindLabel"));
        List<String> texts = texts(phone);
        assertEquals(1, texts.size(), "one text message for the decision: " + texts);
        assertTrue(texts.get(0).contains("备案已审核通过"));
        assertFalse(texts.get(0).contains(name) || texts.get(0).contains("张联系"), "no names in the text: " + texts.get(0));
    }

    @Test
    void aRejectedFilingReachesTheBaseAndItsResubmissionWaitsForTheDistrictAgain() {
        String user = unique("nt_fr");
        String name = unique("通知驳回单位");
        long id = selfFiling(user, name, Youths.phone());
        json(Api.as("wanzhou"), Map.of("reason", "营业执照照片不清晰")).post("/api/bases/" + id + "/reject").then().statusCode(200);
        Map<String, Object> rejected = newest(Recruitment.asBase(user), "FILING_REJECTED", "营业执照照片不清晰");
        assertEquals("/base/filing", rejected.get("link"));

        Map<String, Object> correction = new HashMap<>(Map.of("employerName", name, "industry", "软件和信息技术服务业",
                "ownership", "PRIVATE", "keyCategories", List.of(), "contactName", "张联系", "contactPhone", "13912345678"));
        json(Recruitment.asBase(user), correction).put("/api/bases/" + id + "/filing").then().statusCode(200);
        assertTrue(((String) newest(Api.as("wanzhou"), "FILING_WAITING", name).get("body")).contains("重新提交"));
    }

    @Test
    void aRevokedFilingReachesTheBase() {
        String user = unique("nt_fv");
        long id = Recruitment.approvedBase(user, "PRIVATE");
        json(Api.as("wanzhou"), Map.of("reason", "连续两年未吸纳见习")).post("/api/bases/" + id + "/revoke").then().statusCode(200);
        // The revocation ends the base's sessions: a new login reads it.
        Map<String, Object> revoked = newest(RestAssured.given().auth().oauth2(Api.login(user, Recruitment.BASE_PASSWORD)),
                "FILING_REVOKED", "连续两年未吸纳见习");
        assertEquals("/base/filing", revoked.get("link"));
    }

    @Test
    void aSubmittedPositionWaitsForTheDistrictAndItsReviewReachesTheBase() {
        String base = unique("nt_pos");
        String phone = Youths.phone();
        approvedSelfFiledBase(base, unique("通知岗位单位"), phone);
        String title = unique("通知发布岗位");
        long published = Recruitment.submittedPosition(base, title, 2);
        assertEquals("/admin/position-review", newest(Api.as("wanzhou"), "POSITION_WAITING", title).get("link"));
        Api.as("wanzhou").post("/api/positions/" + published + "/approve").then().statusCode(200);
        assertEquals("/base/positions", newest(Recruitment.asBase(base), "POSITION_APPROVED", title).get("link"));

        String other = unique("通知驳回岗位");
        long rejected = Recruitment.submittedPosition(base, other, 2);
        json(Api.as("wanzhou"), Map.of("reason", "岗位职责过于笼统")).post("/api/positions/" + rejected + "/reject")
                .then().statusCode(200);
        assertTrue(((String) newest(Recruitment.asBase(base), "POSITION_REJECTED", other).get("body")).contains("岗位职责过于笼统"));
        // Filing approval, publication and rejection: one text each.
        assertEquals(3, texts(phone).size(), texts(phone).toString());
    }

    @Test
    void aClaimWaitsForTheDistrictAndItsDecisionAndEachPaymentReachTheBaseAndTheFullPaymentTheIntern() {
        Placement p = accepted("cl");
        LocalDate start = TestClock.pinnedToday().minusDays(30);
        json(Recruitment.asBase(p.base()), agreement(start, start)).post("/api/internships/" + p.internship() + "/agreement")
                .then().statusCode(200);
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        confirm(Recruitment.asBase(p.base()), p.internship(), last, 10);
        confirm(Youths.as(p.youth()), p.internship(), last, null);
        Number claim = json(Recruitment.asBase(p.base()), Map.of("internshipId", p.internship(), "month", last.toString()))
                .post("/api/subsidy-claims").then().statusCode(201).extract().path("id");
        String marker = "申领编号 " + claim + "：";
        assertEquals("/admin/subsidy-claims", newest(Api.as("wanzhou"), "CLAIM_WAITING", marker).get("link"));

        json(Api.as("wanzhou"), Map.of("amount", "1000.00")).post("/api/subsidy-claims/" + claim + "/approve").then().statusCode(200);
        assertTrue(((String) newest(Recruitment.asBase(p.base()), "CLAIM_APPROVED", "申领编号 " + claim).get("body")).contains("1000.00"));
        String today = TestClock.pinnedToday().toString();
        json(Api.as("wanzhou"), Map.of("paidOn", today, "amount", "600.00", "fundingLevel", "CITY"))
                .post("/api/subsidy-claims/" + claim + "/disbursements").then().statusCode(201);
        assertTrue(((String) newest(Recruitment.asBase(p.base()), "CLAIM_PAYMENT_RECORDED", "申领编号 " + claim).get("body"))
                .contains("累计 600.00 元"));
        assertEquals(0, count(Youths.as(p.youth()), "SUBSIDY_PAID", last.toString()), "a part payment is the base's matter");
        json(Api.as("wanzhou"), Map.of("paidOn", today, "amount", "400.00", "fundingLevel", "DISTRICT"))
                .post("/api/subsidy-claims/" + claim + "/disbursements").then().statusCode(201);
        newest(Recruitment.asBase(p.base()), "CLAIM_PAID", "申领编号 " + claim);
        assertEquals("/youth/internship", newest(Youths.as(p.youth()), "SUBSIDY_PAID", last.toString()).get("link"));
        assertEquals(1, texts(p.youthPhone()).stream().filter(t -> t.contains("补贴已拨付")).count());
    }

    @Test
    void aRejectedClaimReachesTheBase() {
        Placement p = accepted("cr");
        LocalDate start = TestClock.pinnedToday().minusDays(30);
        json(Recruitment.asBase(p.base()), agreement(start, start)).post("/api/internships/" + p.internship() + "/agreement")
                .then().statusCode(200);
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        confirm(Recruitment.asBase(p.base()), p.internship(), last, 10);
        confirm(Youths.as(p.youth()), p.internship(), last, null);
        Number claim = json(Recruitment.asBase(p.base()), Map.of("internshipId", p.internship(), "month", last.toString()))
                .post("/api/subsidy-claims").then().statusCode(201).extract().path("id");
        json(Api.as("wanzhou"), Map.of("reason", "考勤记录缺失")).post("/api/subsidy-claims/" + claim + "/reject").then().statusCode(200);
        assertTrue(((String) newest(Recruitment.asBase(p.base()), "CLAIM_REJECTED", "申领编号 " + claim).get("body"))
                .contains("考勤记录缺失"));
    }

    // ---------------------------------------------------------------- a young person

    @Test
    void eachStepOfAnApplicationReachesTheOtherSide() {
        String base = unique("nt_app");
        Recruitment.approvedBase(base, "PRIVATE");
        String youth = unique("nt_ya");
        Map<String, Object> profile = Youths.profile("步骤青年", Youths.idNumber("500101", Youths.today().minusYears(23)));
        Youths.registered(youth, profile);
        String title = unique("通知申请岗位");
        long position = Recruitment.publishedPosition(base, title, 3);

        long app = apply(youth, position);
        assertEquals("/base/applications", newest(Recruitment.asBase(base), "APPLICATION_SUBMITTED", title).get("link"));
        move(Recruitment.asBase(base), app, Map.of("to", "SCREENING"));
        move(Recruitment.asBase(base), app, Map.of("to", "INTERVIEW", "interviewAt", "2026-11-25T10:00:00+08:00",
                "interviewPlace", "万州区某路 1 号"));
        move(Recruitment.asBase(base), app, Map.of("to", "OFFERED"));
        for (String kind : List.of("APPLICATION_SCREENING", "APPLICATION_INTERVIEW", "APPLICATION_OFFERED")) {
            assertEquals("/youth/applications", newest(Youths.as(youth), kind, title).get("link"));
        }
        move(Youths.as(youth), app, Map.of("to", "ACCEPTED"));
        newest(Recruitment.asBase(base), "APPLICATION_ACCEPTED", title);

        String second = unique("通知未通过岗位");
        long other = apply(youth, Recruitment.publishedPosition(base, second, 3));
        move(Recruitment.asBase(base), other, Map.of("to", "REJECTED", "reason", "专业不符"));
        newest(Youths.as(youth), "APPLICATION_REJECTED", second);
        String third = unique("通知撤回岗位");
        long withdrawn = apply(youth, Recruitment.publishedPosition(base, third, 3));
        move(Youths.as(youth), withdrawn, Map.of("to", "WITHDRAWN"));
        newest(Recruitment.asBase(base), "APPLICATION_WITHDRAWN", third);
        // The young person's four steps are texted (screening, interview, offer, rejection); no names in them.
        List<String> texts = texts((String) profile.get("phone"));
        assertEquals(4, texts.size(), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("步骤青年") || t.contains(title)), texts.toString());
    }

    @Test
    void theSignedAgreementAndTheArrivalReachTheIntern() {
        Placement p = accepted("ag");
        LocalDate start = TestClock.pinnedToday().minusDays(3);
        json(Recruitment.asBase(p.base()), agreement(start, null)).post("/api/internships/" + p.internship() + "/agreement")
                .then().statusCode(200).body("state", equalTo("SIGNED"));
        Map<String, Object> signed = newest(Youths.as(p.youth()), "AGREEMENT_SIGNED", start.toString());
        assertEquals("/youth/internship", signed.get("link"));
        assertEquals(0, count(Youths.as(p.youth()), "ARRIVAL_RECORDED", start.toString()), "signing is not arriving");
        json(Recruitment.asBase(p.base()), Map.of("arrivedOn", start.toString()))
                .post("/api/internships/" + p.internship() + "/arrival").then().statusCode(200);
        newest(Youths.as(p.youth()), "ARRIVAL_RECORDED", start.toString());
        List<String> texts = texts(p.youthPhone());
        assertTrue(texts.stream().anyMatch(t -> t.contains("协议已签订")) && texts.stream().anyMatch(t -> t.contains("到岗已登记")),
                texts.toString());
    }

    @Test
    void aNoShowReachesTheYoungPerson() {
        Placement p = accepted("ns");
        json(Recruitment.asBase(p.base()), Map.of("reason", "本人另有安排")).post("/api/internships/" + p.internship() + "/no-show")
                .then().statusCode(200);
        newest(Youths.as(p.youth()), "INTERNSHIP_NO_SHOW", "本人另有安排");
    }

    @Test
    void theBasesConfirmationOfAMonthTellsTheInternOnceThatTheirsIsDue() {
        Placement p = accepted("cf");
        LocalDate start = TestClock.pinnedToday().minusDays(30);
        json(Recruitment.asBase(p.base()), agreement(start, start)).post("/api/internships/" + p.internship() + "/agreement")
                .then().statusCode(200);
        YearMonth last = TestClock.pinnedMonth().minusMonths(1);
        confirm(Recruitment.asBase(p.base()), p.internship(), last, 10);
        // The base corrects its days: the intern's confirmation was already asked for.
        confirm(Recruitment.asBase(p.base()), p.internship(), last, 11);
        assertEquals(1, count(Youths.as(p.youth()), "CONFIRMATION_DUE", last.toString()));
        assertEquals("/youth/internship", newest(Youths.as(p.youth()), "CONFIRMATION_DUE", last.toString()).get("link"));
        assertEquals(1, texts(p.youthPhone()).stream().filter(t -> t.contains("确认上月见习在岗")).count());
    }

    // ---------------------------------------------------------------- a district and the city

    @Test
    void aSubmittedReportWaitsForTheCityAndItsReturnAndAcceptanceReachTheDistrict() {
        TestDb.createUser(REPORT_DISTRICT, Api.PASSWORD, "DISTRICT_ADMIN", REPORT_REGION, null);
        String period = "2024-05";
        String url = "/api/reports/monthly/" + REPORT_REGION + "/" + period;
        json(Api.as(REPORT_DISTRICT), submission()).post(url + "/submit").then().statusCode(200);
        Map<String, Object> waiting = newest(Api.as("admin"), "REPORT_WAITING", "綦江区（" + REPORT_REGION + "）提交了 " + period);
        assertEquals("/admin/reports/overview", waiting.get("link"));
        assertEquals(0, count(Api.as("wanzhou"), "REPORT_WAITING", REPORT_REGION), "the city's, not a district's");

        json(Api.as("admin"), Map.of("reason", "第 6 栏与台账不符")).post(url + "/return").then().statusCode(200);
        assertEquals("/admin/reports/monthly", newest(Api.as(REPORT_DISTRICT), "REPORT_RETURNED", "第 6 栏与台账不符").get("link"));
        json(Api.as(REPORT_DISTRICT), submission()).post(url + "/submit").then().statusCode(200);
        Api.as("admin").post(url + "/accept").then().statusCode(200);
        newest(Api.as(REPORT_DISTRICT), "REPORT_ACCEPTED", period + " 月报第 2 版");
        assertEquals(0, count(Api.as("wanzhou"), "REPORT_ACCEPTED", period + " 月报第 2 版"), "another district does not see it");
    }

    @Test
    void theDeadlineJobTellsEachLateDistrictOnceThatItsReportIsDueAndThenOverdueAcrossConcurrentRuns() throws Throwable {
        TestDb.createUser(REPORT_DISTRICT, Api.PASSWORD, "DISTRICT_ADMIN", REPORT_REGION, null);
        String submitted = "nt_submitted";
        TestDb.createUser(submitted, Api.PASSWORD, "DISTRICT_ADMIN", "500112", null);
        YearMonth period = TestClock.pinnedMonth().minusMonths(1);
        String nearKey = "report-deadline_near:" + REPORT_REGION + ":" + period;
        try {
            // Monday 2 November 2026: October's report is due on the 2nd working day, Tuesday the 3rd.
            TestClock.set("2026-11-02T09:00:00");
            assertTrue(await(() -> deadlines.remind()) > 0);
            assertEquals(0, await(() -> deadlines.remind()), "a second run writes nothing");
        } finally {
            TestClock.reset();
        }
        assertEquals(1, TestDb.count("select count(*) from notification where dedupe_key = ?", nearKey));
        Map<String, Object> near = newest(Api.as(REPORT_DISTRICT), "DEADLINE_NEAR", period + " 月报须在 2026-11-03 前提交");
        assertEquals("/admin/reports/monthly", near.get("link"));

        // 500112 submits its report before the due date has passed for the job; then two instances run at once.
        json(Api.as(submitted), submission()).post("/api/reports/monthly/500112/" + period + "/submit").then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int written = 0;
        try {
            Callable<Integer> run = () -> {
                try {
                    return await(() -> deadlines.remind());
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
            List<Callable<Integer>> runs = List.of(run, run);
            for (Future<Integer> f : pool.invokeAll(runs)) {
                written += f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long late = TestDb.count("select count(*) from notification where kind = 'DEADLINE_OVERDUE' and dedupe_key like ?",
                "%:" + period);
        assertEquals(late, written, "the two runs together wrote each overdue reminder once");
        assertEquals(0, await(() -> deadlines.remind()));
        assertEquals(1, count(Api.as(REPORT_DISTRICT), "DEADLINE_OVERDUE", period + " 月报的截止日期 2026-11-03 已过"));
        assertEquals(0, count(Api.as(submitted), "DEADLINE_OVERDUE", period.toString()), "a submitted report is not late");
    }

    // ---------------------------------------------------------------- the inbox

    @Test
    void theInboxPagesWithTotalsCountsUnreadAndMarksOneOrAllRead() {
        String user = unique("nt_inbox");
        long base = Recruitment.approvedBase(user, "PRIVATE");
        for (int i = 0; i < 3; i++) {
            long id = Recruitment.submittedPosition(user, unique("通知分页岗位"), 1);
            Api.as("wanzhou").post("/api/positions/" + id + "/approve").then().statusCode(200);
        }
        RequestSpecification me = Recruitment.asBase(user);
        me.queryParam("size", 2).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(3)).body("unread", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0));
        JsonPath second = Recruitment.asBase(user).queryParam("size", 2).queryParam("page", 1).get("/api/notifications")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(1)).extract().jsonPath();
        long oldest = second.getLong("items[0].id");
        Recruitment.asBase(user).queryParam("size", 0).get("/api/notifications").then().statusCode(400);

        Recruitment.asBase(user).post("/api/notifications/" + oldest + "/read").then().statusCode(200)
                .body("readAt", org.hamcrest.Matchers.notNullValue());
        Recruitment.asBase(user).get("/api/notifications/unread-count").then().statusCode(200).body("unread", equalTo(2));
        Recruitment.asBase(user).queryParam("unread", true).get("/api/notifications").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", not(hasItem((int) oldest)));
        Recruitment.asBase(user).post("/api/notifications/read-all").then().statusCode(200).body("marked", equalTo(2));
        Recruitment.asBase(user).get("/api/notifications/unread-count").then().statusCode(200).body("unread", equalTo(0));
        assertEquals(0, TestDb.count("select count(*) from notification where base_id = ? and read_at is null", base));
    }

    @Test
    void someoneElsesNotificationDoesNotExistForTheCallerAndDepartmentsHaveNone() {
        String user = unique("nt_own");
        Recruitment.approvedBase(user, "PRIVATE");
        long position = Recruitment.submittedPosition(user, unique("通知归属岗位"), 1);
        Api.as("wanzhou").post("/api/positions/" + position + "/approve").then().statusCode(200);
        long theirs = Recruitment.asBase(user).get("/api/notifications").then().statusCode(200).extract().jsonPath()
                .getLong("items[0].id");
        long regions = Long.parseLong(TestDb.text("select max(id)::text from notification where region_code = '500101'"));
        assertNotNull(regions);

        // Another base, a young person, another district and the city: 404, the same as a notification that does not exist.
        String other = unique("nt_other");
        Recruitment.approvedBase(other, "PRIVATE");
        Recruitment.asBase(other).post("/api/notifications/" + theirs + "/read").then().statusCode(404);
        Recruitment.asBase(other).post("/api/notifications/999999999/read").then().statusCode(404);
        Recruitment.asBase(other).get("/api/notifications").then().statusCode(200).body("items.id", not(hasItem((int) theirs)));
        Api.as("admin").post("/api/notifications/" + regions + "/read").then().statusCode(404);
        TestDb.createUser("nt_fuling", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        Api.as("nt_fuling").post("/api/notifications/" + regions + "/read").then().statusCode(404);
        Api.as("nt_fuling").queryParam("size", 100).get("/api/notifications").then().statusCode(200)
                .body("items.id", not(hasItem((int) regions)));
        Api.as("jiaowei").get("/api/notifications").then().statusCode(403);
        Api.as("jiaowei").post("/api/notifications/" + theirs + "/read").then().statusCode(403);
        // Still unread for its owner.
        assertEquals(1, TestDb.count("select count(*) from notification where id = ? and read_at is null", theirs));
    }
}
