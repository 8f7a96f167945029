package cq.jianxi.support.matrix;

import cq.jianxi.identity.domain.Base32;
import cq.jianxi.identity.domain.Totp;
import cq.jianxi.support.Api;
import cq.jianxi.support.Recruitment;
import cq.jianxi.support.TestClock;
import cq.jianxi.support.Youths;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cq.jianxi.support.matrix.MatrixFixture.today;
import static cq.jianxi.support.matrix.Probe.scoped;
import static cq.jianxi.support.matrix.Probe.unscoped;

/**
 * One probe per contract operation: the request the matrix sends for a caller and a scope. Lists are
 * asked unfiltered on scope A and filtered to scope B where they take a region (or other scope)
 * filter, so that both "does my list include mine" and "can I ask for theirs" are tried. Writes send
 * valid bodies, so that a refusal is the authorization's and an allowed call really happens.
 */
public final class MatrixProbes {

    private MatrixProbes() {
    }

    public static Map<String, Probe> all() {
        Map<String, Probe> p = new LinkedHashMap<>();
        for (Probe probe : List.of(
                // ---------------------------------------------------------------- activities
                scoped("listActivities", c -> (c.own() ? c.spec() : c.spec().queryParam("regionCode", c.s.region))
                        .queryParam("size", 200).get("/api/activities")).shows("items.id", c -> c.s.activity),
                scoped("createActivity", c -> c.json(Map.of("kind", "POLICY_SESSION", "regionCode", c.s.region,
                        "heldOn", today().toString(), "title", c.fx.next("矩阵宣讲"), "organizer", "矩阵人社局",
                        "employersServed", 3, "youthServed", 12)).post("/api/activities")).shows("regionCode", c -> c.s.region),
                scoped("uploadAttachment", c -> c.spec().multiPart("kind", "PHOTO")
                        .multiPart("file", "photo.png", MatrixFixture.png(), "image/png")
                        .post("/api/activities/" + c.s.activity + "/attachments")),
                scoped("listAttachments", c -> c.spec().get("/api/activities/" + c.s.activity + "/attachments"))
                        .shows("id", c -> c.s.attachment),
                scoped("downloadAttachment", c -> c.spec().get("/api/activities/" + c.s.activity + "/attachments/" + c.s.attachment)),
                // An internship counts for one matching event only, so an allowed link takes a new event and a new internship.
                scoped("addPlacements", c -> c.json(Map.of("internshipIds", List.of(c.succeeds ? c.fx.freshOnPostInternship(c.s) : c.s.internship)))
                        .post("/api/activities/" + (c.succeeds ? c.fx.freshPastActivity(c.s) : c.s.pastActivity) + "/placements")),
                scoped("signUp", c -> c.spec().post("/api/activities/" + c.s.activity + "/signups")).shows("id", c -> c.s.activity),

                // ---------------------------------------------------------------- applications
                scoped("listApplications", c -> (c.own() ? c.spec() : c.spec().queryParam("positionId", c.s.publishedPosition))
                        .queryParam("size", 200).get("/api/applications")).shows("items.id", c -> c.s.application),
                scoped("createApplication", c -> c.json(Map.of("positionId",
                        c.succeeds ? c.fx.freshPublishedPosition(c.s) : c.s.publishedPosition, "contactShared", true)).post("/api/applications")),
                scoped("getApplication", c -> c.spec().get("/api/applications/" + c.s.application)).shows("id", c -> c.s.application),
                scoped("transitionApplication", c -> c.json(Map.of("to", c.actor == Actor.BASE ? "SCREENING" : "WITHDRAWN"))
                        .post("/api/applications/" + (c.succeeds ? c.fx.freshApplication(c.s) : c.s.application) + "/transitions")),

                // ---------------------------------------------------------------- audit and identity
                unscoped("searchAudit", c -> c.spec().get("/api/audit")),
                unscoped("login", c -> c.json(Map.of("username", MatrixFixture.loginUser(), "password", MatrixFixture.PASSWORD))
                        .post("/api/auth/login")),
                unscoped("logout", c -> c.with(c.fx.freshSession(c.actor)).post("/api/auth/logout")),
                unscoped("changePassword", c -> {
                    String[] account = c.actor == Actor.ANON ? null : c.fx.throwaway(c.actor);
                    return c.with(account == null ? null : MatrixFixture.login(account[0], account[1])).contentType(ContentType.JSON)
                            .body(Map.of("currentPassword", account == null ? MatrixFixture.PASSWORD : account[1],
                                    "newPassword", "Changed#Pass2025"))
                            .post("/api/auth/password");
                }),
                unscoped("refresh", c -> c.with(c.fx.freshSession(c.actor)).post("/api/auth/refresh")),
                unscoped("me", c -> c.spec().get("/api/me")),

                // ---------------------------------------------------------------- account administration
                scoped("searchAccounts", c -> c.spec().queryParam("q", c.own() ? "mx_base_" : c.s.baseUser).queryParam("size", 100)
                        .get("/api/accounts")).shows("items.id", c -> c.s.baseAccount),
                scoped("createStaffAccount", c -> c.json(Map.of("username", c.fx.next("mx_staff"), "displayName", "矩阵区县管理员",
                        "role", "DISTRICT_ADMIN", "regionCode", c.s.region)).post("/api/accounts")),
                scoped("disableAccount", c -> c.spec().post("/api/accounts/" + account(c) + "/disable")),
                scoped("enableAccount", c -> c.spec().post("/api/accounts/"
                        + (c.succeeds ? c.fx.freshDisabledBaseAccount(c.s) : c.s.baseAccount) + "/enable")),
                scoped("resetAccountPassword", c -> c.spec().post("/api/accounts/" + account(c) + "/password-reset")),
                scoped("setAccountPhone", c -> c.json(Map.of("phone", Youths.phone())).put("/api/accounts/" + account(c) + "/phone")),

                // ---------------------------------------------------------------- password reset, codes, audit chain
                unscoped("requestPasswordReset", c -> c.json(Map.of("username", c.fx.next("mx_nobody"))).post("/api/auth/password-reset")),
                unscoped("confirmPasswordReset", c -> c.json(Map.of("username", c.fx.next("mx_nobody"), "code", "000000",
                        "newPassword", "Changed#Pass2025")).post("/api/auth/password-reset/confirm")),
                unscoped("sendVerificationCode", c -> c.json(Map.of("phone", Youths.phone())).post("/api/auth/verification-codes")),
                unscoped("exportAudit", c -> c.spec().queryParam("from", today().minusDays(1) + "T00:00:00+08:00")
                        .queryParam("to", today().plusDays(1) + "T00:00:00+08:00").get("/api/audit/export")),
                unscoped("verifyAudit", c -> c.spec().get("/api/audit/verification")),

                // ---------------------------------------------------------------- second factor
                // A challenge nobody was given: the login steps after the password answer every caller alike.
                unscoped("loginSecondFactor", c -> c.json(Map.of("challenge", "mx-bogus-challenge", "code", "000000"))
                        .post("/api/auth/login/second-factor")),
                unscoped("loginEnrolment", c -> c.json(Map.of("challenge", "mx-bogus-challenge")).post("/api/auth/login/enrolment")),
                unscoped("loginEnrolmentConfirm", c -> c.json(Map.of("challenge", "mx-bogus-challenge", "code", "000000"))
                        .post("/api/auth/login/enrolment/confirm")),
                unscoped("mySecondFactor", c -> c.spec().get("/api/me/second-factor")),
                // The account's own factor is changed on a new account of the caller's kind, proved with a valid code.
                unscoped("startMyEnrolment", c -> {
                    String[] me = self(c);
                    return c.with(me[1]).contentType(ContentType.JSON).body(Map.of("code", code(me[0])))
                            .post("/api/me/second-factor/enrolment");
                }),
                unscoped("confirmMyEnrolment", c -> {
                    String[] me = self(c);
                    String code = "000000";
                    if (me[1] != null) {
                        io.restassured.response.Response started = c.with(me[1]).contentType(ContentType.JSON)
                                .body(Map.of("code", code(me[0]))).post("/api/me/second-factor/enrolment");
                        if (started.statusCode() == 200) {
                            code = Totp.code(Base32.decode(started.<String>path("secret")), Totp.step(TestClock.current()));
                        }
                    }
                    return c.with(me[1]).contentType(ContentType.JSON).body(Map.of("code", code))
                            .post("/api/me/second-factor/enrolment/confirm");
                }),
                unscoped("disableMySecondFactor", c -> {
                    String[] me = self(c);
                    return c.with(me[1]).contentType(ContentType.JSON).body(Map.of("code", code(me[0])))
                            .post("/api/me/second-factor/disable");
                }),
                unscoped("regenerateMyRecoveryCodes", c -> {
                    String[] me = self(c);
                    return c.with(me[1]).contentType(ContentType.JSON).body(Map.of("code", code(me[0])))
                            .post("/api/me/second-factor/recovery-codes");
                }),
                unscoped("resetSecondFactor", c -> c.spec().post("/api/users/" + (c.succeeds ? enrolledDistrict(c) : MatrixFixture.DISTRICT_B)
                        + "/second-factor/reset")),

                // ---------------------------------------------------------------- privacy
                unscoped("getCurrentConsentText", c -> c.spec().get("/api/privacy/consent-text")),
                unscoped("getConsentText", c -> c.spec().get("/api/privacy/consent-texts/" + Youths.consentVersion())),
                unscoped("getDeletionTerms", c -> c.spec().get("/api/privacy/deletion-terms")),
                scoped("listDeletionRequests", c -> region(c, c.spec().queryParam("status", "PENDING").queryParam("size", 100), "regionCode")
                        .get("/api/privacy/deletion-requests")).shows("items.id", c -> c.s.deletionRequest),
                // Completing closes the young person's account, so an allowed call takes a new person's request.
                scoped("completeDeletion", c -> c.spec().post("/api/privacy/deletion-requests/" + deletion(c) + "/completion")),
                scoped("rejectDeletion", c -> c.json(Map.of("reason", "矩阵：尚有未结补贴"))
                        .post("/api/privacy/deletion-requests/" + deletion(c) + "/rejection")),
                unscoped("listMyConsents", c -> c.spec().get("/api/privacy/me/consents")),
                unscoped("downloadMyData", c -> c.spec().get("/api/privacy/me/data-export")),
                unscoped("requestDeletion", c -> (c.actor == Actor.YOUTH ? c.with(self(c)[1]).contentType(ContentType.JSON) : c.json(Map.of()))
                        .body(Map.of("reason", "矩阵注销")).post("/api/privacy/me/deletion-requests")),
                unscoped("listMyDeletionRequests", c -> c.spec().get("/api/privacy/me/deletion-requests")),

                // ---------------------------------------------------------------- youth claims
                scoped("searchYouthClaims", c -> c.spec().queryParam("status", "PENDING").queryParam("size", 100).get("/api/youth/claims"))
                        .shows("items.id", c -> c.s.youthClaim),
                scoped("revealYouthClaim", c -> c.spec().get("/api/youth/claims/" + c.s.youthClaim + "/contact")).shows("id", c -> c.s.youthClaim),
                scoped("confirmYouthClaim", c -> c.json(Map.of("note", "矩阵：电话核实为本人")).post("/api/youth/claims/" + claim(c) + "/confirm")),
                scoped("rejectYouthClaim", c -> c.json(Map.of("note", "矩阵：非本人")).post("/api/youth/claims/" + claim(c) + "/reject")),

                // ---------------------------------------------------------------- bases and employers
                // ---------------------------------------------------------------- evaluation
                unscoped("getEvaluationScheme", c -> c.spec().get("/api/evaluations/" + today().getYear() + "/scheme")),
                unscoped("saveEvaluationScheme", c -> c.json(Map.of(
                        "criteria", List.of(Map.of("code", "INTAKE", "name", "吸纳率", "kind", "COMPUTED", "metric", "INTAKE",
                                "weight", 100, "fullAt", 1, "zeroAt", 0)), "eligibility", List.of()))
                        .put("/api/evaluations/" + (c.succeeds ? c.fx.freshEvaluationYear() : today().getYear()) + "/scheme")),
                scoped("getEvaluationTable", c -> c.spec().queryParam("size", 5)
                        .get("/api/evaluations/" + today().getYear() + "/regions/" + c.s.region)),
                scoped("closeEvaluation", c -> c.spec().post("/api/evaluations/"
                        + (c.succeeds ? c.fx.freshEvaluationYear() : today().getYear()) + "/regions/" + c.s.region + "/close")),
                scoped("getScoreSheet", c -> c.spec().get("/api/evaluations/" + today().getYear() + "/bases/" + c.s.base))
                        .shows("baseId", c -> c.s.base),
                scoped("scoreManualCriterion", c -> c.json(Map.of("percent", 90, "note", "矩阵现场核查"))
                        .put("/api/evaluations/" + today().getYear() + "/bases/" + c.s.base + "/manual-scores/INSPECTION")),
                scoped("setCommitment", c -> c.json(Map.of("positions", 20))
                        .put("/api/evaluations/" + today().getYear() + "/bases/" + c.s.base + "/commitment")),
                scoped("confirmDistrictAwards", c -> c.json(Map.of("replacements", List.of()))
                        .post("/api/evaluations/" + (c.succeeds ? c.fx.freshClosedYear(c.s) : today().getYear())
                                + "/regions/" + c.s.region + "/district-awards")),
                scoped("advanceDemonstration", c -> {
                    boolean district = c.actor == Actor.DISTRICT;
                    long[] target = !c.succeeds ? new long[]{today().getYear(), c.s.base}
                            : district ? c.fx.freshDistrictAward(c.s) : c.fx.freshCityNomination(c.s);
                    return c.json(Map.of("baseId", target[1], "stage", district ? "CITY_NOMINATED" : "CITY"))
                            .post("/api/evaluations/" + target[0] + "/awards");
                }),
                scoped("listDemonstrationAwards", c -> (c.own() ? c.spec() : c.spec().queryParam("regionCode", c.s.region))
                        .get("/api/evaluations/" + today().getYear() + "/awards")),
                unscoped("listEvaluationProgress", c -> c.spec().get("/api/evaluations/" + today().getYear() + "/progress")),
                scoped("getDemonstrationHistory", c -> c.spec().get("/api/evaluations/bases/" + c.s.base + "/history")),
                scoped("rateInternship", c -> {
                    if (c.succeeds) {
                        String[] ended = c.fx.freshEndedInternship(c.s);
                        return c.with(MatrixFixture.login(ended[0], Youths.PASSWORD)).contentType(ContentType.JSON)
                                .body(Map.of("score", 5, "comment", "矩阵评价")).put("/api/internships/" + ended[1] + "/rating");
                    }
                    return c.json(Map.of("score", 5)).put("/api/internships/" + c.s.completedInternship + "/rating");
                }),
                scoped("getInternshipRating", c -> c.spec().get("/api/internships/"
                        + (c.actor == Actor.YOUTH ? c.s.internship : c.s.completedInternship) + "/rating")),

                scoped("listBases", c -> region(c, c.spec().queryParam("keyword", "矩阵基地").queryParam("size", 200), "regionCode")
                        .get("/api/bases")).shows("items.id", c -> c.s.base),
                scoped("applyForFiling", c -> c.json(Recruitment.application(c.s.region, c.fx.next("见习申请单位"), "PRIVATE",
                        c.fx.next("mx_pf"))).post("/api/bases/applications")).shows("regionCode", c -> c.s.region),
                scoped("getBase", c -> c.spec().get("/api/bases/" + c.s.base)).shows("id", c -> c.s.base),
                scoped("approveBase", c -> c.spec().post("/api/bases/"
                        + (c.succeeds ? c.fx.freshInspectedFiling(c.s) : c.s.pendingFiling) + "/approve")),
                scoped("getBaseCertification", c -> c.spec().get("/api/bases/" + c.s.base + "/certification"))
                        .shows("baseId", c -> c.s.base),
                scoped("uploadBaseDocument", c -> c.spec().multiPart("kind", "WORKPLACE_PHOTO")
                        .multiPart("file", "site.png", MatrixFixture.png(), "image/png").post("/api/bases/" + c.s.base + "/documents")),
                scoped("deleteBaseDocument", c -> c.spec().delete("/api/bases/" + c.s.base + "/documents/" + c.s.document)),
                scoped("downloadBaseFile", c -> c.spec().get("/api/bases/" + c.s.base + "/files/" + c.s.document)),
                scoped("recordBaseInspection", c -> c.json(Map.of("inspectedOn", today().toString(), "inspectorOne", "矩阵核查员甲",
                        "inspectorTwo", "矩阵核查员乙", "findings", "矩阵核查", "conclusion", "PASSED"))
                        .post("/api/bases/" + pendingFiling(c) + "/inspections")),
                scoped("uploadInspectionPhoto", c -> c.spec().multiPart("file", "site.png", MatrixFixture.png(), "image/png")
                        .post("/api/bases/" + c.s.pendingFiling + "/inspections/" + c.s.inspection + "/photos")),
                scoped("resubmitBaseFiling", c -> c.json(Map.of("employerName", "矩阵基地" + c.s.region, "industry", "软件和信息技术服务业",
                        "ownership", "PRIVATE", "keyCategories", List.of(), "contactName", "矩阵联系人", "contactPhone", "13912345678"))
                        .put("/api/bases/" + c.s.base + "/filing")),
                scoped("getPublicBase", c -> c.spec().get("/api/public/bases/" + c.s.base)).shows("base.id", c -> c.s.base),
                unscoped("listUpcomingActivities", c -> c.spec().get("/api/public/activities")),
                scoped("listCertifiedBases", c -> c.spec().queryParam("regionCode", c.s.region).queryParam("keyword", "矩阵基地")
                        .get("/api/public/bases")).shows("items.id", c -> c.s.base),
                scoped("rejectBase", c -> c.json(Map.of("reason", "矩阵驳回")).post("/api/bases/" + pendingFiling(c) + "/reject")),
                scoped("revokeBase", c -> c.json(Map.of("reason", "矩阵撤销"))
                        .post("/api/bases/" + (c.succeeds ? c.fx.freshApprovedBase(c.s) : c.s.base) + "/revoke")),
                scoped("setOperatingStatus", c -> c.json(Map.of("status", "EXISTING"))
                        .put("/api/employers/" + c.s.employer + "/operating-status")).shows("id", c -> c.s.employer),
                scoped("listKeyEnterprises", c -> region(c, c.spec(), "regionCode").get("/api/key-enterprises"))
                        .shows("id", c -> c.s.keyEnterprise),
                scoped("importKeyEnterprises", c -> c.spec().multiPart("file", "key.csv", ("区县,类别,企业名称,统一社会信用代码\n"
                        + c.s.region + ",RJXX," + c.fx.next("矩阵重点企业") + "," + Recruitment.newCreditCode(c.s.region) + "\n")
                        .getBytes(StandardCharsets.UTF_8), "text/csv").post("/api/key-enterprises/import")),
                unscoped("listDepartments", c -> c.spec().get("/api/departments")),
                unscoped("listKeyEnterpriseCategories", c -> c.spec().get("/api/key-enterprise-categories")),
                unscoped("listRegions", c -> c.spec().get("/api/regions")),

                // ---------------------------------------------------------------- calendar, plans, dashboard
                unscoped("putCalendar", c -> c.json(Map.of("off", List.of(MatrixFixture.CALENDAR_YEAR + "-01-01"), "work", List.of()))
                        .put("/api/calendar/" + MatrixFixture.CALENDAR_YEAR)),
                unscoped("getCalendar", c -> c.spec().get("/api/calendar/" + today().getYear())),
                unscoped("getDueDate", c -> c.spec().queryParam("period", MatrixFixture.lastMonth().toString()).get("/api/reports/due-date")),
                unscoped("listPlans", c -> c.spec().get("/api/plans")),
                unscoped("putTargets", c -> c.spec().multiPart("file", "plan.csv", MatrixFixture.planFile(), "text/csv")
                        .put("/api/plans/" + MatrixFixture.PLAN_YEAR + "/targets")),
                scoped("getTargets", c -> c.spec().queryParam("regionCode", c.s.region)
                        .get("/api/plans/" + MatrixFixture.SEEDED_PLAN_YEAR + "/targets")).shows("regions.regionCode", c -> c.s.region),
                scoped("getRecruitmentDashboard", c -> c.spec().get("/api/dashboard/recruitment"))
                        .shows("regions.regionCode", c -> c.s.region),
                Probe.raw("streamRecruitmentDashboard", false, MatrixProbes::firstEvent),
                unscoped("exportPlanProgress", c -> c.spec().get("/api/dashboard/progress.xlsx?year=" + MatrixFixture.SEEDED_PLAN_YEAR)),
                scoped("getSchedule", c -> c.spec().get(schedule(c))),
                scoped("putSchedule", c -> c.json(Map.of("columns", java.util.Arrays.stream(new String[] {"NEW_BASES",
                        "NEW_KEY_ENTERPRISE_BASES", "POSITIONS", "PARTICIPANTS", "POLICY_SESSIONS", "MATCHING_EVENTS",
                        "TYPICAL_PERSONS", "NATIONAL_NOMINATIONS"}).map(col -> Map.of("column", col,
                        "milestones", java.util.Collections.nCopies(12, 10_000_000))).toList())).put(schedule(c))),
                // Each probe puts the year back as it found it, so the schedule probes never meet a lock.
                unscoped("lockSchedules", c -> {
                    Response r = c.spec().post("/api/plans/" + MatrixFixture.SEEDED_PLAN_YEAR + "/schedules/lock");
                    c.with(c.fx().token(Actor.CITY)).delete("/api/plans/" + MatrixFixture.SEEDED_PLAN_YEAR + "/schedules/lock");
                    return r;
                }),
                unscoped("unlockSchedules", c -> c.spec().delete("/api/plans/" + MatrixFixture.SEEDED_PLAN_YEAR + "/schedules/lock")),

                // ---------------------------------------------------------------- imports
                scoped("importHistory", c -> c.spec().multiPart("file", "history.xlsx", c.fx.emptyHistoryWorkbook(),
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .multiPart("regionCode", c.s.region).post("/api/history-imports")),
                unscoped("downloadHistoryTemplate", c -> c.spec().get("/api/history-imports/template")),
                scoped("listImports", c -> (c.own() ? c.spec() : c.spec().queryParam("kind", "ENTERPRISE_STATUS")).queryParam("size", 100)
                        .get("/api/imports")).shows("items.id", c -> c.s.importBatch),
                unscoped("importEnterpriseStatus", c -> c.spec().multiPart("file", "status.csv", ("统一社会信用代码,经营状态,日期\n"
                        + Recruitment.newCreditCode("500101") + ",存续," + today() + "\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                        .post("/api/imports/enterprise-status")),
                unscoped("importGraduates", c -> c.spec().multiPart("file", "roster.csv",
                        "学校,姓名,身份证号,学历,专业,毕业日期,毕业去向,见习意愿,培训意愿\n".getBytes(StandardCharsets.UTF_8), "text/csv")
                        .post("/api/imports/graduates")),
                scoped("getImport", c -> c.spec().get("/api/imports/" + c.s.importBatch)).shows("id", c -> c.s.importBatch),
                scoped("downloadImportErrors", c -> c.spec().get("/api/imports/" + c.s.importBatch + "/errors")),

                // ---------------------------------------------------------------- internships
                scoped("listInternships", c -> region(c, c.spec(), "region").queryParam("size", 200).get("/api/internships"))
                        .shows("items.id", c -> c.s.internship),
                scoped("recordOfflineInternship", c -> c.json(MatrixFixture.offlineBody(c.succeeds ? c.fx.freshYouth(c.s) : c.s.youth,
                        c.s, today(), today().plusMonths(6).minusDays(1), null)).post("/api/internships/offline")),
                scoped("listToBeClosed", c -> region(c, c.spec().queryParam("size", 200), "region").get("/api/internships/to-be-closed"))
                        .shows("items.id", c -> c.s.overdueInternship),
                scoped("getInternship", c -> c.spec().get("/api/internships/" + c.s.internship)).shows("id", c -> c.s.internship),
                // Confirming again is allowed (the first time stands), so the scope's own internship serves every call.
                scoped("confirmAgreement", c -> c.spec().post("/api/internships/" + c.s.internship + "/agreement/confirmation")),
                scoped("signAgreement", c -> c.json(MatrixFixture.agreement(today(), today().plusMonths(6).minusDays(1), null))
                        .post("/api/internships/" + (c.succeeds ? c.fx.freshPendingInternship(c.s) : c.s.pendingInternship) + "/agreement")),
                scoped("recordArrival", c -> c.json(Map.of("arrivedOn", today().toString()))
                        .post("/api/internships/" + signed(c) + "/arrival")),
                scoped("recordNoShow", c -> c.json(Map.of("reason", "矩阵未到岗")).post("/api/internships/" + signed(c) + "/no-show")),
                scoped("confirmMonth", c -> c.json(Map.of("month", c.s.confirmMonth, "daysPresent", 20))
                        .post("/api/internships/" + c.s.internship + "/confirmations")),
                scoped("flagMonth", c -> c.json(Map.of("reason", "矩阵：该月未在岗"))
                        .post("/api/internships/" + c.s.internship + "/months/" + c.s.flagMonth + "/flag")),
                scoped("listMonths", c -> c.spec().get("/api/internships/" + c.s.internship + "/months")),
                scoped("endInternship", c -> c.json(Map.of("type", "ABNORMAL", "date", today().toString(), "reason", "矩阵结束"))
                        .post("/api/internships/" + (c.succeeds ? c.fx.freshOnPostInternship(c.s) : c.s.internship) + "/end")),
                scoped("recordOutcome", c -> c.json(Map.of("outcome", "NOT_EMPLOYED"))
                        .post("/api/internships/" + c.s.completedInternship + "/outcome")),
                scoped("recordFollowUp", c -> c.json(Map.of("months", 3, "employed", true))
                        .post("/api/internships/" + c.s.completedInternship + "/follow-ups")),

                // ---------------------------------------------------------------- notifications
                scoped("listNotifications", c -> c.spec().queryParam("size", 100).get("/api/notifications"))
                        .shows("items.id", MatrixProbes::notification),
                unscoped("countUnreadNotifications", c -> c.spec().get("/api/notifications/unread-count")),
                scoped("markNotificationRead", c -> c.spec().post("/api/notifications/" + notification(c) + "/read"))
                        .shows("id", MatrixProbes::notification),
                unscoped("markAllNotificationsRead", c -> c.spec().post("/api/notifications/read-all")),

                // ---------------------------------------------------------------- positions
                scoped("searchPositions", c -> region(c, c.spec().queryParam("keyword", "矩阵岗位").queryParam("size", 100), "regionCode")
                        .get("/api/positions")).shows("items.id", c -> c.s.publishedPosition),
                unscoped("createPosition", c -> c.json(c.fx.position(c.fx.a, c.fx.next("见习岗位"))).post("/api/positions")),
                scoped("managePositions", c -> region(c, c.spec().queryParam("keyword", "矩阵岗位").queryParam("size", 100), "regionCode")
                        .get("/api/positions/manage")).shows("items.id", c -> c.s.publishedPosition),
                scoped("updatePosition", c -> c.json(c.fx.position(c.s, "矩阵草稿" + c.s.tag)).put("/api/positions/" + c.s.draftPosition))
                        .shows("id", c -> c.s.draftPosition),
                scoped("getPosition", c -> c.spec().get("/api/positions/" + c.s.submittedPosition)).shows("id", c -> c.s.submittedPosition),
                scoped("approvePosition", c -> c.spec().post("/api/positions/" + submitted(c) + "/approve")),
                scoped("rejectPosition", c -> c.json(Map.of("reason", "矩阵驳回")).post("/api/positions/" + submitted(c) + "/reject")),
                scoped("closePosition", c -> c.spec().post("/api/positions/" + draft(c) + "/close")),
                scoped("submitPosition", c -> c.spec().post("/api/positions/" + draft(c) + "/submit")),

                // ---------------------------------------------------------------- reports
                scoped("getAnnualReport", c -> c.spec().get("/api/reports/annual/" + MatrixFixture.SEEDED_PLAN_YEAR))
                        .shows("regions.regionCode", c -> c.s.region),
                unscoped("exportAnnualReport", c -> c.spec().get("/api/reports/annual/" + MatrixFixture.SEEDED_PLAN_YEAR + ".xlsx")),
                scoped("getMonthlyOverview", c -> c.spec().queryParam("period", MatrixFixture.lastMonth().toString())
                        .get("/api/reports/monthly-overview")).shows("regionCode", c -> c.s.region),
                scoped("getMonthlyReport", c -> c.spec().get(report(c.s.region, MatrixFixture.lastMonth().toString(), "")))
                        .shows("regionCode", c -> c.s.region),
                scoped("exportAnnex4", c -> c.spec().get(report(c.s.region, MatrixFixture.lastMonth().toString(), "/annex4.xlsx"))),
                scoped("exportAnnex5", c -> c.spec().get(report(c.s.region, MatrixFixture.lastMonth().toString(), "/annex5.xlsx"))),
                scoped("getMonthlyReportHistory", c -> c.spec().get(report(c.s.region, c.s.reportPeriod, "/history")))
                        .shows("submittedBy", c -> c.s.districtUser),
                scoped("submitMonthlyReport", c -> c.json(MatrixFixture.submission())
                        .post(report(c.s.region, c.succeeds ? c.fx.nextReportPeriod() : c.s.reportPeriod, "/submit"))),
                scoped("acceptMonthlyReport", c -> c.spec().post(report(c.s.region, submittedReport(c), "/accept"))),
                scoped("returnMonthlyReport", c -> c.json(Map.of("reason", "矩阵退回")).post(report(c.s.region, submittedReport(c), "/return"))),
                unscoped("closeCityMonth", c -> c.spec().post(report("CITY", (today().getYear() - 2) + "-12", "/close"))),
                scoped("getInternshipIndicators", c -> c.spec().queryParam("regionCode", c.s.region)
                        .queryParam("period", MatrixFixture.lastMonth().toString()).get("/api/indicators/internships")),

                // ---------------------------------------------------------------- services and matching
                scoped("getServiceRate", c -> c.spec().queryParam("regionCode", c.s.region).get("/api/service-rate")),
                scoped("recordService", c -> c.json(Map.of("youthIds", List.of(c.s.youth), "kind", "CAREER_GUIDANCE", "note", "矩阵指导"))
                        .post("/api/services")),
                scoped("listServices", c -> c.spec().queryParam("youthId", c.s.youth).get("/api/services"))
                        .shows("id", c -> c.s.serviceRecord),
                unscoped("getRecommendations", c -> c.spec().get("/api/youth/me/recommendations")),

                // ---------------------------------------------------------------- subsidies
                scoped("listSubsidyClaims", c -> region(c, c.spec(), "regionCode").queryParam("size", 200).get("/api/subsidy-claims"))
                        .shows("items.id", c -> c.s.submittedClaim),
                scoped("createSubsidyClaim", c -> c.json(Map.of("internshipId", c.s.internship,
                        "month", c.succeeds ? c.fx.claimableMonth(c.s) : c.s.submittedClaimMonth)).post("/api/subsidy-claims")),
                scoped("importDisbursements", c -> c.spec().multiPart("file", "pay.csv", ("申领编号,拨付日期,金额,资金层级\n"
                        + c.s.approvedClaim + "," + today() + ",1.00,市级\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                        .post("/api/subsidy-claims/disbursements/import")),
                scoped("approveSubsidyClaim", c -> c.json(Map.of()).post("/api/subsidy-claims/" + submittedClaim(c) + "/approve")),
                scoped("rejectSubsidyClaim", c -> c.json(Map.of("reason", "矩阵驳回")).post("/api/subsidy-claims/" + submittedClaim(c) + "/reject")),
                scoped("recordDisbursement", c -> c.json(Map.of("paidOn", today().toString(), "amount", "1.00", "fundingLevel", "CITY"))
                        .post("/api/subsidy-claims/" + c.s.approvedClaim + "/disbursements")).shows("id", c -> c.s.approvedClaim),
                scoped("listDisbursements", c -> c.spec().get("/api/subsidy-claims/" + c.s.approvedClaim + "/disbursements")),
                unscoped("listSubsidyRates", c -> c.spec().get("/api/subsidy-rates")),
                unscoped("setSubsidyRate", c -> c.json(Map.of("standardMonthly", 1300, "highRetentionMonthly", 1500,
                        "retentionThreshold", 0.5, "insurancePerPerson", 100, "allowanceFloor", 2100))
                        .put("/api/subsidy-rates/" + MatrixFixture.RATE_YEAR)),
                scoped("getSubsidyTotals", c -> c.spec().queryParam("year", today().getYear()).get("/api/subsidy-totals"))
                        .shows("regionCode", c -> c.s.region),

                // ---------------------------------------------------------------- departments' own work (Annex 1)
                // The matrix's department user is 市教委 (JW): it has no quota and runs no campaigns.
                unscoped("getDepartmentQuota", c -> c.spec().get("/api/department-work/KJJ/quota")),
                unscoped("listDepartmentBases", c -> c.spec().get("/api/department-work/KJJ/bases")),
                unscoped("listDepartmentPositions", c -> c.spec().get("/api/department-work/KJJ/positions")),
                unscoped("getGraduateService", c -> c.spec().queryParam("year", today().getYear()).get("/api/department-work/graduates")),
                unscoped("listCampaigns", c -> c.spec().get("/api/department-work/campaigns")),
                unscoped("createCampaign", c -> c.json(Map.of("title", c.fx.next("矩阵动员"), "startsOn", today().toString(),
                        "endsOn", today().plusDays(30).toString())).post("/api/campaigns")),
                unscoped("getSubsidyFunds", c -> c.spec().queryParam("year", today().getYear()).get("/api/subsidy-funds")),

                // ---------------------------------------------------------------- youth registry
                scoped("searchYouth", c -> region(c, c.spec().queryParam("keyword", "矩阵").queryParam("size", 100), "regionCode")
                        .get("/api/youth")).shows("items.id", c -> c.s.youth),
                unscoped("registerYouth", c -> {
                    Map<String, Object> body = Youths.registration(c.fx.next("mx_reg"), c.fx.profile(c.fx.a, c.fx.next("见习者")));
                    body.put("verificationCode", Youths.sendCode((String) ((Map<?, ?>) body.get("profile")).get("phone")));
                    return c.json(body).post("/api/youth/register");
                }),
                unscoped("getMyRecord", c -> c.spec().get("/api/youth/me")),
                unscoped("updateMyRecord", c -> c.json(c.fx.youthProfile(c.fx.a)).put("/api/youth/me")),
                unscoped("getYouthStatistics", c -> c.spec().get("/api/youth/statistics")),
                scoped("getYouth", c -> c.spec().get("/api/youth/" + c.s.youth)).shows("id", c -> c.s.youth),
                scoped("setHardship", c -> c.json(Map.of("hardship", List.of())).put("/api/youth/" + c.s.youth + "/hardship"))
                        .shows("id", c -> c.s.youth))) {
            if (p.put(probe.operationId(), probe) != null) {
                throw new IllegalStateException("Two probes for " + probe.operationId());
            }
        }
        for (Probe probe : QualityProbes.all()) {
            if (p.put(probe.operationId(), probe) != null) {
                throw new IllegalStateException("Two probes for " + probe.operationId());
            }
        }
        for (Probe probe : AnnualReportProbes.all()) {
            if (p.put(probe.operationId(), probe) != null) {
                throw new IllegalStateException("Two probes for " + probe.operationId());
            }
        }
        return p;
    }

    /** Scope B's request carries the filter naming its region; scope A's asks for the caller's default list. */
    private static io.restassured.specification.RequestSpecification region(Call c,
            io.restassured.specification.RequestSpecification spec, String param) {
        return c.own() ? spec : spec.queryParam(param, c.s.region);
    }

    private static String report(String region, String period, String tail) {
        return "/api/reports/monthly/" + region + "/" + period + tail;
    }

    /** Scope-B-named refusals use the scope's base account; an allowed change takes a new account of that base. */
    private static long account(Call c) {
        return c.succeeds ? c.fx.freshBaseAccount(c.s) : c.s.baseAccount;
    }

    private static long deletion(Call c) {
        return c.succeeds ? c.fx.freshDeletionRequest(c.s) : c.s.deletionRequest;
    }

    private static long claim(Call c) {
        return c.succeeds ? c.fx.freshYouthClaim(c.s) : c.s.youthClaim;
    }

    /** A new account of the caller's kind, logged in: {username, token}; none for ANON. */
    private static String[] self(Call c) {
        if (c.actor == Actor.ANON) {
            return new String[]{null, null};
        }
        String[] account = c.fx.throwaway(c.actor);
        return new String[]{account[0], MatrixFixture.login(account[0], account[1])};
    }

    /** The account's next valid authenticator code; a wrong one where it has no authenticator. */
    private static String code(String username) {
        if (username == null) {
            return "000000";
        }
        try {
            String code = Api.nextCode(username);
            return code == null ? "000000" : code;
        } catch (IllegalStateException noAuthenticator) {
            return "000000";
        }
    }

    /** A new district account that has bound its authenticator (at its first login). */
    private static String enrolledDistrict(Call c) {
        String[] account = c.fx.throwaway(Actor.DISTRICT);
        MatrixFixture.login(account[0], account[1]);
        return account[0];
    }

    private static long pendingFiling(Call c) {
        return c.succeeds ? c.fx.freshPendingFiling(c.s) : c.s.pendingFiling;
    }

    private static long signed(Call c) {
        return c.succeeds ? c.fx.freshSignedInternship(c.s) : c.s.signedInternship;
    }

    private static long submitted(Call c) {
        return c.succeeds ? c.fx.freshSubmittedPosition(c.s) : c.s.submittedPosition;
    }

    private static long draft(Call c) {
        return c.succeeds ? c.fx.freshDraftPosition(c.s) : c.s.draftPosition;
    }

    private static String submittedReport(Call c) {
        return c.succeeds ? c.fx.freshSubmittedReport(c.s) : c.s.reportPeriod;
    }

    private static long submittedClaim(Call c) {
        return c.succeeds ? c.fx.freshClaim(c.s) : c.s.submittedClaim;
    }

    /** Each is tried on the scope's notification of its own kind of recipient; a department on the young person's. */
    private static Object notification(Call c) {
        return switch (c.actor) {
            case BASE -> c.s.baseNotification;
            case DISTRICT -> c.s.regionNotification;
            case CITY -> c.s.cityNotification;
            default -> c.s.youthNotification;
        };
    }

    /** Opens the server-sent event stream and reads it up to its first event (refusals answer at once). */
    private static Answer firstEvent(Call c) {
        String request = "GET /api/dashboard/stream";
        c.sent(request);
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/dashboard/stream"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream");
        if (c.actor != Actor.ANON) {
            get.header("Authorization", "Bearer " + c.fx.token(c.actor));
        }
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(get.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            InputStream in = response.body();
            try {
                if (response.statusCode() != 200) {
                    return new Answer(request, response.statusCode(), contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                // The first event is the current dashboard; the stream then stays open, so stop at its data line.
                java.util.concurrent.CompletableFuture<String> first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.startsWith("data:")) {
                                return line.substring(5).trim();
                            }
                        }
                        return "";
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                return new Answer(request, 200, contentType, first.get(20, java.util.concurrent.TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("no first event on the dashboard stream", e);
            } finally {
                in.close();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String schedule(Call c) {
        return "/api/plans/" + MatrixFixture.SEEDED_PLAN_YEAR + "/schedules/REGION/" + c.s.region;
    }
}
