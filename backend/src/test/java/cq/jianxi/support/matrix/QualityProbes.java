package cq.jianxi.support.matrix;

import cq.jianxi.support.TestDb;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static cq.jianxi.support.matrix.MatrixFixture.today;
import static cq.jianxi.support.matrix.Probe.scoped;
import static cq.jianxi.support.matrix.Probe.unscoped;

/**
 * The probes of the quality context (disqualification, complaints, typical persons), kept apart from
 * {@link MatrixProbes} with the objects they need, made on first use per scope: a base whose employer is
 * deregistered (it meets a rule), a warning on it, a complaint and a submitted typical person.
 */
final class QualityProbes {

    private static final Map<String, Long> SHARED = new ConcurrentHashMap<>();

    private QualityProbes() {
    }

    static List<Probe> all() {
        return List.of(
                unscoped("listDisqualificationRules", c -> c.spec().get("/api/quality/disqualification-rules")),
                unscoped("updateDisqualificationRule", c -> c.json(Map.of("enabled", true, "months", 12))
                        .put("/api/quality/disqualification-rules/NO_INTERN_WITHIN_MONTHS")),
                scoped("listDisqualificationCandidates", c -> (ensure(flaggedBase(c)) && c.own() ? c.spec() : c.spec().queryParam("regionCode", c.s.region))
                        .queryParam("size", 100).get("/api/quality/disqualification-list")).shows("items.baseId", QualityProbes::flaggedBase),
                scoped("warnBase", c -> c.json(Map.of("baseId", c.succeeds ? freshFlaggedBase(c.fx, c.s) : flaggedBase(c),
                        "rule", "MARKET_DEREGISTERED")).post("/api/quality/disqualification-cases")),
                scoped("decideDisqualificationCase", c -> c.json(Map.of("decision", "DISMISS", "note", "矩阵销案"))
                        .post("/api/quality/disqualification-cases/" + (c.succeeds ? freshCase(c.fx, c.s) : sharedCase(c)) + "/decision")),
                unscoped("listMyWarnings", c -> c.spec().get("/api/quality/my-warnings")),
                scoped("listComplaints", c -> (ensure(complaint(c)) && c.own() ? c.spec() : c.spec().queryParam("regionCode", c.s.region))
                        .queryParam("size", 100).get("/api/quality/complaints")).shows("items.id", QualityProbes::complaint),
                scoped("recordComplaint", c -> c.json(Map.of("baseId", c.s.base, "receivedOn", today().toString(), "summary", "矩阵投诉",
                        "serious", false, "outcome", "PENDING")).post("/api/quality/complaints")),
                scoped("setComplaintOutcome", c -> c.json(Map.of("outcome", "PENDING"))
                        .put("/api/quality/complaints/" + complaint(c) + "/outcome")).shows("id", QualityProbes::complaint),
                scoped("listTypicalPersons", c -> (ensure(typicalPerson(c)) && c.own() ? c.spec() : c.spec().queryParam("regionCode", c.s.region))
                        .queryParam("size", 100).get("/api/quality/typical-persons")).shows("items.id", QualityProbes::typicalPerson),
                scoped("submitTypicalPerson", c -> c.json(typicalBody(c.succeeds ? c.fx.freshOnPostInternship(c.s) : c.s.internship))
                        .post("/api/quality/typical-persons")),
                scoped("resubmitTypicalPerson", c -> c.json(typicalBody(sharedTypicalInternship(c)))
                        .put("/api/quality/typical-persons/" + typicalPerson(c))).shows("id", QualityProbes::typicalPerson),
                scoped("approveTypicalPerson", c -> c.spec().post("/api/quality/typical-persons/"
                        + (c.succeeds ? freshTypicalPerson(c.fx, c.s) : typicalPerson(c)) + "/approve")),
                scoped("returnTypicalPerson", c -> c.json(Map.of("reason", "矩阵退回")).post("/api/quality/typical-persons/"
                        + (c.succeeds ? freshTypicalPerson(c.fx, c.s) : typicalPerson(c)) + "/return")));
    }

    /** Lists are asked after their scope's object exists, so that the answer can show it. */
    private static boolean ensure(Object made) {
        return made != null;
    }

    private static Map<String, Object> typicalBody(long internship) {
        Map<String, Object> b = new HashMap<>();
        b.put("internshipId", internship);
        b.put("title", "矩阵典型");
        b.put("story", "矩阵事迹");
        b.put("consentOn", today().toString());
        b.put("consentMethod", "ONLINE");
        return b;
    }

    private static long shared(Scope s, String what, java.util.function.Supplier<Long> make) {
        return SHARED.computeIfAbsent(s.label + ":" + what, k -> make.get());
    }

    private static Object flaggedBase(Call c) {
        return shared(c.s, "flagged", () -> freshFlaggedBase(c.fx, c.s));
    }

    /** A new approved base of the scope whose employer market regulation has deregistered. */
    static long freshFlaggedBase(MatrixFixture fx, Scope s) {
        long base = fx.freshApprovedBase(s);
        TestDb.update("update employer set operating_status = 'DEREGISTERED' where id = (select employer_id from base where id = ?)", base);
        return base;
    }

    private static long sharedCase(Call c) {
        return shared(c.s, "case", () -> warn(c.fx, (Long) flaggedBase(c)));
    }

    private static long freshCase(MatrixFixture fx, Scope s) {
        return warn(fx, freshFlaggedBase(fx, s));
    }

    private static long warn(MatrixFixture fx, long base) {
        return RestAssured.given().auth().oauth2(fx.token(Actor.CITY)).contentType(ContentType.JSON)
                .body(Map.of("baseId", base, "rule", "MARKET_DEREGISTERED")).post("/api/quality/disqualification-cases")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Object complaint(Call c) {
        return shared(c.s, "complaint", () -> Long.parseLong(TestDb.text("""
                insert into base_complaint (base_id, region_code, received_on, summary, serious, outcome, recorded_by, recorded_at, updated_at)
                values (?, ?, ?, '矩阵投诉', false, 'PENDING', 'matrix', now(), now()) returning id::text""",
                c.s.base, c.s.region, today())));
    }

    private static long sharedTypicalInternship(Call c) {
        return shared(c.s, "typical-internship", () -> c.fx.freshOnPostInternship(c.s));
    }

    private static Object typicalPerson(Call c) {
        return shared(c.s, "typical", () -> insertTypicalPerson(c.s, sharedTypicalInternship(c)));
    }

    private static long freshTypicalPerson(MatrixFixture fx, Scope s) {
        return insertTypicalPerson(s, fx.freshOnPostInternship(s));
    }

    private static long insertTypicalPerson(Scope s, long internship) {
        return Long.parseLong(TestDb.text("""
                insert into typical_person (internship_id, region_code, title, story, consent_on, consent_method, status, year,
                                            submitted_at, submitted_by)
                values (?, ?, '矩阵典型', '矩阵事迹', ?, 'ONLINE', 'SUBMITTED', ?, now(), 'matrix') returning id::text""",
                internship, s.region, today(), today().getYear()));
    }
}
