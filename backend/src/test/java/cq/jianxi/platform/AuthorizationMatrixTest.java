package cq.jianxi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.matrix.Actor;
import cq.jianxi.support.matrix.Answer;
import cq.jianxi.support.matrix.MatrixFixture;
import cq.jianxi.support.matrix.MatrixProbes;
import cq.jianxi.support.matrix.Probe;
import cq.jianxi.support.matrix.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every operation of the committed contract, called by every kind of caller on an object of the
 * caller's own scope and on one of another scope, and without a token; the expected outcome of each
 * is one cell of {@link #MATRIX}. The contract and the table must name the same operations, so a new
 * operation fails the build until its row (and its probe in {@link MatrixProbes}) is written.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuthorizationMatrixTest {

    private static final Path CONTRACT = Path.of("..", "openapi", "openapi.yaml");

    /*
     * THE MATRIX — one row per contract operation (operationId), one column per caller:
     *
     *   ANON        no token (tried on scope A's object)
     *   CITY        市人社局管理员
     *   DISTRICT    区县管理员 of 万州区 (500101, scope A)
     *   DEPARTMENT  市教委 (JW) user
     *   BASE        the account of scope A's base (filed in 500101)
     *   YOUTH       the account of scope A's young person (living in 500101)
     *
     * Scope A is the callers' own: its district, base and young person own the objects a probe names.
     * Scope B is another district (渝中区 500103) with its own base and young person. For a scoped
     * operation a cell reads "own|other": the outcome on scope A's object, then on scope B's (for
     * CITY and DEPARTMENT both are in their city-wide scope). A single value means the same for both;
     * unscoped operations and the ANON column take a single value only.
     *
     * Outcomes:
     *   ok     the operation's 2xx from the contract; where the probe can tell, the answer shows the
     *          scope's object (a read returns it, a list includes it). On a list's own cell, when the
     *          caller may not see scope B's object, the answer must also leave it out.
     *   blind  the 2xx, but the scope's object is not in the answer (a list kept to the caller's scope).
     *   401 403 404 409 422 …  exactly that status, as application/problem+json.
     *
     * To add an operation: add its row here and its probe (how to call it for a caller and a scope)
     * to MatrixProbes.all(). A 429 anywhere fails the cell: test rate limits must be high enough.
     */
    static final String[][] MATRIX = {
            // operationId                 ANON   CITY     DISTRICT    DEPARTMENT  BASE          YOUTH
            {"listActivities",             "401", "ok",    "ok|403",   "ok",       "ok",         "ok"},
            {"createActivity",             "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"uploadAttachment",           "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listAttachments",            "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"downloadAttachment",         "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"addPlacements",              "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"signUp",                     "401", "403",   "403",      "403",      "ok",         "ok"},

            {"listApplications",           "401", "403",   "403",      "403",      "ok|blind",   "ok|blind"},
            {"createApplication",          "401", "403",   "403",      "403",      "403",        "ok"},
            {"getApplication",             "401", "403",   "403",      "403",      "ok|403",     "ok|403"},
            {"transitionApplication",      "401", "403",   "403",      "403",      "ok|403",     "ok|403"},

            {"searchAudit",                "401", "ok",    "403",      "403",      "403",        "403"},
            {"login",                      "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"logout",                     "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"changePassword",             "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"refresh",                    "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"me",                         "401", "ok",    "ok",       "ok",       "ok",         "ok"},

            {"searchAccounts",             "401", "ok",    "ok|blind", "403",      "403",        "403"},
            {"createStaffAccount",         "401", "ok",    "403",      "403",      "403",        "403"},
            // Another district's account does not exist for a district (404, not 403).
            {"disableAccount",             "401", "ok",    "ok|404",   "403",      "403",        "403"},
            {"enableAccount",              "401", "ok",    "ok|404",   "403",      "403",        "403"},
            {"resetAccountPassword",       "401", "ok",    "ok|404",   "403",      "403",        "403"},
            {"setAccountPhone",            "401", "ok",    "ok|404",   "403",      "403",        "403"},
            // Anonymous by design: every caller gets the same answer, whether or not the account exists.
            {"requestPasswordReset",       "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"confirmPasswordReset",       "400", "400",   "400",      "400",      "400",        "400"},
            {"sendVerificationCode",       "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"exportAudit",                "401", "ok",    "403",      "403",      "403",        "403"},
            {"verifyAudit",                "401", "ok",    "403",      "403",      "403",        "403"},
            // A challenge nobody was given is refused alike for every caller.
            {"loginSecondFactor",          "401", "401",   "401",      "401",      "401",        "401"},
            {"loginEnrolment",             "401", "401",   "401",      "401",      "401",        "401"},
            {"loginEnrolmentConfirm",      "401", "401",   "401",      "401",      "401",        "401"},
            {"mySecondFactor",             "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"startMyEnrolment",           "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"confirmMyEnrolment",         "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            // Staff must keep their second factor; a base or a young person without one has nothing to switch off.
            {"disableMySecondFactor",      "401", "403",   "403",      "403",      "409",        "409"},
            {"regenerateMyRecoveryCodes",  "401", "ok",    "ok",       "ok",       "409",        "409"},
            {"resetSecondFactor",          "401", "ok",    "403",      "403",      "403",        "403"},

            {"getEvaluationScheme",        "401", "ok",    "ok",       "403",      "ok",         "403"},
            {"saveEvaluationScheme",       "401", "ok",    "403",      "403",      "403",        "403"},
            {"getEvaluationTable",         "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"closeEvaluation",            "401", "403",   "ok|403",   "403",      "403",        "403"},
            {"getScoreSheet",              "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            {"scoreManualCriterion",       "401", "403",   "ok|403",   "403",      "403",        "403"},
            {"setCommitment",              "401", "403",   "ok|403",   "403",      "ok|403",     "403"},
            {"confirmDistrictAwards",      "401", "403",   "ok|403",   "403",      "403",        "403"},
            // The district nominates its own base to the city; the city takes every later step.
            {"advanceDemonstration",       "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listDemonstrationAwards",    "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listEvaluationProgress",     "401", "ok",    "ok",       "403",      "403",        "403"},
            {"getDemonstrationHistory",    "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            // The base never reads an intern's rating; the intern rates their own ended internship once.
            {"rateInternship",             "401", "403",   "403",      "403",      "403",        "ok|403"},
            {"getInternshipRating",        "401", "ok",    "ok|403",   "403",      "403",        "ok|403"},

            {"listBases",                  "401", "ok",    "ok|403",   "ok",       "ok|blind",   "403"},
            {"applyForFiling",             "ok",  "ok",    "ok|403",   "403",      "403",        "403"},
            {"getBase",                    "401", "ok",    "ok|403",   "ok",       "ok|403",     "403"},
            {"approveBase",                "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"rejectBase",                 "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"revokeBase",                 "401", "ok",    "ok|403",   "403",      "403",        "403"},
            // The certification's documents are the base's, its district's and the city's; a department sees none.
            {"getBaseCertification",       "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            // Only the filing's own base uploads and deletes, and only while the filing is open: scope A's base is approved.
            {"uploadBaseDocument",         "401", "403",   "403",      "403",      "409|403",    "403"},
            {"deleteBaseDocument",         "401", "403",   "403",      "403",      "409|403",    "403"},
            {"downloadBaseFile",           "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            // On-site inspection is district work: the city reviews but does not inspect.
            {"recordBaseInspection",       "401", "403",   "ok|403",   "403",      "403",        "403"},
            {"uploadInspectionPhoto",      "401", "403",   "ok|403",   "403",      "403",        "403"},
            // A rejected filing is corrected by its own base only; scope A's base is approved, so nothing to correct.
            {"resubmitBaseFiling",         "401", "403",   "403",      "403",      "409|403",    "403"},
            // The public list of certified bases: anyone, for any district.
            {"listCertifiedBases",         "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            // The public door: a certified base's page and the activities still to come, for anyone.
            {"getPublicBase",              "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"listUpcomingActivities",     "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"setOperatingStatus",         "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listKeyEnterprises",         "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            // A district uploading another district's rows is refused row by row, as the file's problems (422).
            {"importKeyEnterprises",       "401", "ok",    "ok|422",   "403",      "403",        "403"},
            {"listDepartments",            "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"listKeyEnterpriseCategories","ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"listRegions",                "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},

            {"putCalendar",                "401", "ok",    "403",      "403",      "403",        "403"},
            {"getCalendar",                "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"getDueDate",                 "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"listPlans",                  "401", "ok",    "ok",       "ok",       "403",        "403"},
            {"putTargets",                 "401", "ok",    "403",      "403",      "403",        "403"},
            {"getTargets",                 "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"getRecruitmentDashboard",    "401", "ok",    "ok|blind", "ok",       "403",        "403"},
            {"streamRecruitmentDashboard", "401", "ok",    "ok",       "ok",       "403",        "403"},
            // 倒排进度: a district its own region; the matrix's department (市教委) has no quota to schedule.
            {"exportPlanProgress",         "401", "ok",    "ok",       "ok",       "403",        "403"},
            {"getSchedule",                "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"putSchedule",                "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"lockSchedules",              "401", "ok",    "403",      "403",      "403",        "403"},
            {"unlockSchedules",            "401", "ok",    "403",      "403",      "403",        "403"},

            {"importHistory",              "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"downloadHistoryTemplate",    "401", "ok",    "ok",       "403",      "403",        "403"},
            // Scope A's batch is a graduate roster, scope B's an enterprise status file: 市教委 sees rosters only.
            {"listImports",                "401", "ok",    "403",      "ok|blind", "403",        "403"},
            {"importEnterpriseStatus",     "401", "ok",    "403",      "403",      "403",        "403"},
            {"importGraduates",            "401", "ok",    "403",      "ok",       "403",        "403"},
            {"getImport",                  "401", "ok",    "403",      "ok|403",   "403",        "403"},
            {"downloadImportErrors",       "401", "ok",    "403",      "ok|403",   "403",        "403"},

            {"listInternships",            "401", "ok",    "ok|403",   "ok",       "ok|blind",   "ok|blind"},
            {"recordOfflineInternship",    "401", "ok",    "ok|403",   "403",      "403",        "403"},
            // A district naming another region gets its own region's list, not a refusal.
            {"listToBeClosed",             "401", "ok",    "ok|blind", "403",      "ok|blind",   "403"},
            {"getInternship",              "401", "ok",    "ok|403",   "ok",       "ok|403",     "ok|403"},
            {"confirmAgreement",           "401", "403",   "403",      "403",      "403",        "ok|403"},
            {"signAgreement",              "401", "403",   "403",      "403",      "ok|403",     "403"},
            {"recordArrival",              "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            {"recordNoShow",               "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            {"confirmMonth",               "401", "403",   "403",      "403",      "ok|403",     "ok|403"},
            {"flagMonth",                  "401", "403",   "403",      "403",      "403",        "ok|403"},
            {"listMonths",                 "401", "ok",    "ok|403",   "ok",       "ok|403",     "ok|403"},
            {"endInternship",              "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            {"recordOutcome",              "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            {"recordFollowUp",             "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},

            // Someone else's notification does not exist for the caller (404, not 403).
            // Each sees its own: the young person's, the base's, the district's region's, the city's; departments have none.
            {"listNotifications",          "401", "ok",    "ok|blind", "403",      "ok|blind",   "ok|blind"},
            {"countUnreadNotifications",   "401", "ok",    "ok",       "403",      "ok",         "ok"},
            {"markNotificationRead",       "401", "ok",    "ok|404",   "403",      "ok|404",     "ok|404"},
            {"markAllNotificationsRead",   "401", "ok",    "ok",       "403",      "ok",         "ok"},

            {"searchPositions",            "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"createPosition",             "401", "403",   "403",      "403",      "ok",         "403"},
            {"managePositions",            "401", "ok",    "ok|403",   "ok",       "ok|blind",   "403"},
            {"updatePosition",             "401", "403",   "403",      "403",      "ok|403",     "403"},
            // A position not yet published does not exist for the public and for young people.
            {"getPosition",                "404", "ok",    "ok|403",   "ok",       "ok|403",     "404"},
            {"approvePosition",            "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"rejectPosition",             "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"closePosition",              "401", "ok",    "ok|403",   "403",      "ok|403",     "403"},
            {"submitPosition",             "401", "403",   "403",      "403",      "ok|403",     "403"},

            {"getAnnualReport",            "401", "ok",    "ok|blind", "ok",       "403",        "403"},
            {"exportAnnualReport",         "401", "ok",    "ok",       "ok",       "403",        "403"},
            {"getMonthlyOverview",         "401", "ok",    "ok|blind", "ok",       "403",        "403"},
            {"getMonthlyReport",           "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"exportAnnex4",               "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"exportAnnex5",               "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"getMonthlyReportHistory",    "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"submitMonthlyReport",        "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"acceptMonthlyReport",        "401", "ok",    "403",      "403",      "403",        "403"},
            {"returnMonthlyReport",        "401", "ok",    "403",      "403",      "403",        "403"},
            // The annual report: a district submits its own; the city reviews (and never submits in a district's name).
            {"getAnnualSubmissions",       "401", "ok",    "ok|blind", "ok",       "403",        "403"},
            {"getAnnualRegionReport",      "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"exportAnnualRegionReport",   "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"submitAnnualReport",         "401", "403",   "ok|403",   "403",      "403",        "403"},
            {"acceptAnnualReport",         "401", "ok",    "403",      "403",      "403",        "403"},
            {"returnAnnualReport",         "401", "ok",    "403",      "403",      "403",        "403"},
            {"getAnnualCompiledReport",    "401", "ok",    "403",      "ok",       "403",        "403"},
            {"exportAnnualCompiledReport", "401", "ok",    "403",      "ok",       "403",        "403"},
            {"closeCityMonth",             "401", "ok",    "403",      "403",      "403",        "403"},
            {"getInternshipIndicators",    "401", "ok",    "ok|403",   "ok",       "403",        "403"},

            {"getServiceRate",             "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"recordService",              "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listServices",               "401", "ok",    "ok|403",   "ok",       "403",        "ok|403"},
            {"getRecommendations",         "401", "403",   "403",      "403",      "403",        "ok"},

            {"listSubsidyClaims",          "401", "ok",    "ok|403",   "ok",       "ok|blind",   "ok|blind"},
            {"createSubsidyClaim",         "401", "403",   "403",      "403",      "ok|403",     "403"},
            // A payment file line naming another district's claim is refused as a problem of the file (422).
            {"importDisbursements",        "401", "ok",    "ok|422",   "403",      "403",        "403"},
            {"approveSubsidyClaim",        "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"rejectSubsidyClaim",         "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"recordDisbursement",         "401", "ok",    "ok|403",   "403",      "403",        "403"},
            // A claim outside the caller's scope does not exist for them (404, not 403).
            {"listDisbursements",          "401", "ok",    "ok|404",   "ok",       "ok|404",     "ok|404"},
            {"listSubsidyRates",           "401", "ok",    "ok",       "ok",       "ok",         "ok"},
            {"setSubsidyRate",             "401", "ok",    "403",      "403",      "403",        "403"},
            {"getSubsidyTotals",           "401", "ok",    "ok|blind", "ok",       "403",        "403"},
            // Departments' own work: DEPARTMENT is 市教委 (JW) — not a quota department, not 团市委, not 市财政局.
            {"getDepartmentQuota",         "401", "ok",    "403",      "403",      "403",        "403"},
            {"listDepartmentBases",        "401", "ok",    "403",      "403",      "403",        "403"},
            {"listDepartmentPositions",    "401", "ok",    "403",      "403",      "403",        "403"},
            {"getGraduateService",         "401", "ok",    "403",      "ok",       "403",        "403"},
            {"listCampaigns",              "401", "ok",    "403",      "403",      "403",        "403"},
            {"createCampaign",             "401", "403",   "403",      "403",      "403",        "403"},
            {"getSubsidyFunds",            "401", "ok",    "403",      "403",      "403",        "403"},

            {"getCurrentConsentText",      "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"getConsentText",             "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"getDeletionTerms",           "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"listDeletionRequests",       "401", "ok",    "ok|403", "403",      "403",        "403"},
            {"completeDeletion",           "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"rejectDeletion",             "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listMyConsents",             "401", "403",   "403",      "403",      "403",        "ok"},
            {"downloadMyData",             "401", "403",   "403",      "403",      "403",        "ok"},
            {"requestDeletion",            "401", "403",   "403",      "403",      "403",        "ok"},
            {"listMyDeletionRequests",     "401", "403",   "403",      "403",      "403",        "ok"},

            {"searchYouthClaims",          "401", "ok",    "ok|blind", "403",      "403",        "403"},
            {"revealYouthClaim",           "401", "ok",    "ok|404",   "403",      "403",        "403"},
            {"confirmYouthClaim",          "401", "ok",    "ok|404",   "403",      "403",        "403"},
            {"rejectYouthClaim",           "401", "ok",    "ok|404",   "403",      "403",        "403"},
            {"searchYouth",                "401", "ok",    "ok|403",   "ok",       "403",        "403"},
            {"registerYouth",              "ok",  "ok",    "ok",       "ok",       "ok",         "ok"},
            {"getMyRecord",                "401", "403",   "403",      "403",      "403",        "ok"},
            {"updateMyRecord",             "401", "403",   "403",      "403",      "403",        "ok"},
            {"getYouthStatistics",         "401", "ok",    "ok",       "ok",       "403",        "403"},
            {"getYouth",                   "401", "ok",    "ok|403",   "ok",       "ok|403",     "ok|403"},
            {"setHardship",                "401", "ok",    "ok|403",   "403",      "403",        "403"},

            {"listDisqualificationRules",  "401", "ok",    "ok",       "403",      "403",        "403"},
            {"updateDisqualificationRule", "401", "ok",    "403",      "403",      "403",        "403"},
            {"listDisqualificationCandidates", "401", "ok", "ok|403",  "403",      "403",        "403"},
            {"warnBase",                   "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"decideDisqualificationCase", "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listMyWarnings",             "401", "403",   "403",      "403",      "ok",         "403"},
            {"listComplaints",             "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"recordComplaint",            "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"setComplaintOutcome",        "401", "ok",    "ok|403",   "403",      "403",        "403"},
            {"listTypicalPersons",         "401", "ok",    "ok|403",   "403",      "403",        "403"},
            // Districts submit their own interns; the city reviews and does not submit.
            {"submitTypicalPerson",        "401", "403",   "ok|403",   "403",      "403",        "403"},
            {"resubmitTypicalPerson",      "401", "403",   "ok|403",   "403",      "403",        "403"},
            {"approveTypicalPerson",       "401", "ok",    "403",      "403",      "403",        "403"},
            {"returnTypicalPerson",        "401", "ok",    "403",      "403",      "403",        "403"},
    };

    /** An operation of the contract. */
    record Operation(String id, String method, String path, int success) {
        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private static Map<String, Operation> contract() throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(CONTRACT, StandardCharsets.UTF_8)).get("paths");
        Map<String, Operation> ops = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                JsonNode id = op.getValue().get("operationId");
                if (id == null) {
                    continue;
                }
                List<Integer> success = new ArrayList<>();
                op.getValue().path("responses").fieldNames().forEachRemaining(code -> {
                    if (code.matches("2\\d\\d")) {
                        success.add(Integer.parseInt(code));
                    }
                });
                assertEquals(1, success.size(), id.asText() + " documents one success status, not " + success);
                ops.put(id.asText(), new Operation(id.asText(), op.getKey().toUpperCase(), path.getKey(), success.get(0)));
            }
        }
        return ops;
    }

    private static Map<String, String[]> rows() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String[] row : MATRIX) {
            assertEquals(1 + Actor.values().length, row.length, "row " + row[0] + " has one cell per caller");
            assertTrue(rows.put(row[0], row) == null, "row " + row[0] + " appears twice");
        }
        return rows;
    }

    @Test
    void everyContractOperationHasARowAndAProbe() throws IOException {
        Map<String, String[]> rows = rows();
        Map<String, Probe> probes = MatrixProbes.all();
        List<String> missing = new ArrayList<>();
        for (Operation op : contract().values()) {
            if (!rows.containsKey(op.id())) {
                missing.add(op + ": no row in AuthorizationMatrixTest.MATRIX");
            }
            if (!probes.containsKey(op.id())) {
                missing.add(op + ": no probe in MatrixProbes");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRowAndProbeNamesAContractOperation() throws IOException {
        Map<String, Operation> contract = contract();
        TreeSet<String> unknown = new TreeSet<>(rows().keySet());
        unknown.addAll(MatrixProbes.all().keySet());
        unknown.removeAll(contract.keySet());
        assertEquals(new TreeSet<>(), unknown, "rows or probes for operations the contract does not have");
    }

    @TestFactory
    List<DynamicNode> everyCallerOnEveryOperationGetsItsCell() throws IOException {
        Map<String, String[]> rows = rows();
        Map<String, Probe> probes = MatrixProbes.all();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Operation op : contract().values()) {
            String[] row = rows.get(op.id());
            Probe probe = probes.get(op.id());
            if (row == null || probe == null) {
                nodes.add(DynamicTest.dynamicTest(op + " has a row and a probe",
                        () -> fail(op + " needs a row in MATRIX and a probe in MatrixProbes")));
                continue;
            }
            List<DynamicTest> cells = new ArrayList<>();
            for (Actor actor : Actor.values()) {
                String[] outcomes = row[1 + actor.ordinal()].split("\\|");
                assertTrue(outcomes.length == 1 || outcomes.length == 2 && probe.scoped() && actor != Actor.ANON,
                        op.id() + " " + actor + ": own|other only on scoped operations and callers with a token");
                String own = outcomes[0];
                String other = outcomes.length == 2 ? outcomes[1] : outcomes[0];
                cells.add(cell(op, probe, actor, true, own, other));
                if (probe.scoped() && actor != Actor.ANON) {
                    cells.add(cell(op, probe, actor, false, other, own));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(op.toString(), cells));
        }
        return nodes;
    }

    private static DynamicTest cell(Operation op, Probe probe, Actor actor, boolean own, String expected, String otherCell) {
        String name = op.id() + " · " + actor + (probe.scoped() && actor != Actor.ANON ? own ? " · own" : " · other" : "") + " → " + expected;
        return DynamicTest.dynamicTest(name, () -> {
            MatrixFixture fx = MatrixFixture.get();
            Scope scope = own ? fx.a : fx.b;
            Answer answer = probe.send().apply(fx.call(actor, scope, "ok".equals(expected)));
            assertNotEquals(429, answer.status(), "rate limited — the test profile's limits must be higher: " + answer.describe());
            switch (expected) {
                case "ok" -> {
                    assertEquals(op.success(), answer.status(), name + ": " + answer.describe());
                    if (probe.shownAt() != null) {
                        assertTrue(shows(answer, probe, fx, actor, scope), name + ": the answer shows " + scope + "'s object; " + answer.describe());
                        Scope theirs = own ? fx.b : fx.a;
                        if (own && probe.scoped() && !"ok".equals(otherCell)) {
                            assertFalse(shows(answer, probe, fx, actor, theirs),
                                    name + ": the answer leaves out " + theirs + "'s object; " + answer.describe());
                        }
                    }
                }
                case "blind" -> {
                    assertEquals(op.success(), answer.status(), name + ": " + answer.describe());
                    assertTrue(probe.shownAt() != null, op.id() + ": 'blind' needs a probe that shows its object");
                    assertFalse(shows(answer, probe, fx, actor, scope), name + ": the answer leaves out " + scope + "'s object; " + answer.describe());
                }
                default -> {
                    assertEquals(Integer.parseInt(expected), answer.status(), name + ": " + answer.describe());
                    assertTrue(answer.contentType() != null && answer.contentType().startsWith("application/problem+json"),
                            name + ": a refusal is problem+json, not " + answer.contentType());
                }
            }
        });
    }

    private static boolean shows(Answer answer, Probe probe, MatrixFixture fx, Actor actor, Scope scope) {
        Object id = probe.shown().apply(fx.call(actor, scope, false));
        return answer.values(probe.shownAt()).contains(String.valueOf(id));
    }
}
