package cq.jianxi.platform;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import cq.jianxi.platform.architecture.ContextRules;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bounded contexts stay free of cycles, keep raw data access in their repositories (or the report read model)
 * and never reach into each other's repositories; domain code never reaches up into the REST layer.
 */
class ArchitectureTest {

    private static final String ROOT = "cq.jianxi";
    private static final String FIXTURE = "cq.jianxi.platform.architecture.fixture";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    /**
     * Where raw access to every context's tables is the point: seeding the demo, verifying the audit chain
     * offline without the application, and the opaque handle that carries an import's open transaction to
     * other contexts' repositories.
     */
    private static final DescribedPredicate<JavaClass> EXEMPT_FROM_DATA_RULE = DescribedPredicate.describe(
            "demo seeding, the offline audit CLI or the import transaction handle",
            c -> c.getPackageName().startsWith("cq.jianxi.platform.demo")
                    || outer(c).equals("cq.jianxi.platform.launch.AuditVerifyCommand")
                    || c.getName().equals("cq.jianxi.common.persistence.JdbcTransaction"));

    /**
     * Classes outside a repository that still run SQL themselves. It may only shrink: moving a class's queries
     * into its context's repository means deleting its line here, and a line that no longer offends fails.
     */
    private static final Set<String> RAW_DATA_ACCESS_NOT_YET_IN_A_REPOSITORY = Set.of(
            "cq.jianxi.activity.service.ActivityService",
            "cq.jianxi.activity.service.AttachmentService",
            "cq.jianxi.activity.service.SignupErasure",
            "cq.jianxi.activity.service.UpcomingActivities",
            "cq.jianxi.application.service.ApplicationErasure",
            "cq.jianxi.audit.service.AuditChainJdbc",
            "cq.jianxi.audit.service.AuditExport",
            "cq.jianxi.audit.service.AuditIntegrity",
            "cq.jianxi.audit.service.AuditRetention",
            "cq.jianxi.calendar.service.WorkCalendar",
            "cq.jianxi.common.events.RecruitmentChanges",
            "cq.jianxi.history.service.HistoryImportService",
            "cq.jianxi.identity.service.AccountClosure",
            "cq.jianxi.identity.service.OneTimeCodes",
            "cq.jianxi.identity.service.PasswordService",
            "cq.jianxi.identity.service.SessionAugmentor",
            "cq.jianxi.identity.service.SessionLiveness",
            "cq.jianxi.identity.service.SessionRevocation",
            "cq.jianxi.internship.service.AgreementService",
            "cq.jianxi.internship.service.InternshipEndService",
            "cq.jianxi.internship.service.InternshipRatings",
            "cq.jianxi.internship.service.ToBeClosedReminder",
            "cq.jianxi.matching.service.MatchingService",
            "cq.jianxi.matching.service.ServiceNoteErasure",
            "cq.jianxi.notification.service.NotificationErasure",
            "cq.jianxi.notification.service.NotificationService",
            "cq.jianxi.notification.sms.OutboxSmsSender",
            "cq.jianxi.organization.service.BaseHistory",
            "cq.jianxi.organization.service.BaseLevels",
            "cq.jianxi.organization.service.BaseNotificationPhones",
            "cq.jianxi.organization.service.CertifiedBases",
            "cq.jianxi.organization.service.KeyEnterpriseService",
            "cq.jianxi.position.service.PositionHistory",
            "cq.jianxi.privacy.readmodel.PersonalDataReadModel",
            "cq.jianxi.quality.service.DisqualificationRules",
            "cq.jianxi.quality.service.TypicalPersonService",
            "cq.jianxi.report.service.AnnualReportWrites",
            "cq.jianxi.report.service.AnnualSubmissions",
            "cq.jianxi.report.service.MonthlyReportDeadlineReminder",
            "cq.jianxi.report.service.MonthlyReportWorkflow",
            "cq.jianxi.report.service.ReportExportService",
            "cq.jianxi.report.service.ReportVersions",
            "cq.jianxi.report.service.ReportWrites",
            "cq.jianxi.subsidy.service.DisbursementHistory",
            "cq.jianxi.subsidy.service.SubsidyFunds",
            "cq.jianxi.subsidy.service.SubsidyService",
            "cq.jianxi.youth.service.CampaignSignups",
            "cq.jianxi.youth.service.MobilisationCampaigns",
            "cq.jianxi.youth.service.YouthClaims",
            "cq.jianxi.youth.service.YouthDataErasure",
            "cq.jianxi.youth.service.YouthEnrolment",
            "cq.jianxi.youth.service.YouthNotificationPhones",
            "cq.jianxi.youth.service.YouthRegistrationWrites",
            "cq.jianxi.youth.service.YouthRegistrySearch");

    /** Classes still using another context's repository instead of its service; it may only shrink. */
    private static final Set<String> FOREIGN_REPOSITORY_USE_NOT_YET_MOVED = Set.of(
            "cq.jianxi.matching.service.MatchingService");

    @Test
    void contextsHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aCycleBetweenContextsIsCaught() {
        assertThrows(AssertionError.class,
                () -> slices().matching(FIXTURE + ".(*)..").should().beFreeOfCycles().check(FIXTURE_CLASSES));
    }

    @Test
    void onlyRepositoriesAndTheReportReadModelUseTheSqlClientJdbcOrNativeQueries() {
        dataAccessRule(DescribedPredicate.describe("allowlisted",
                c -> RAW_DATA_ACCESS_NOT_YET_IN_A_REPOSITORY.contains(outer(c)))).check(CLASSES);
    }

    @Test
    void theAllowlistOfRawDataAccessOnlyShrinks() {
        Set<String> offending = outers(ContextRules.offenders(CLASSES.that(DescribedPredicate.not(
                EXEMPT_FROM_DATA_RULE).and(DescribedPredicate.not(DescribedPredicate.describe("data layer",
                ContextRules::mayAccessDataDirectly)))), ContextRules::rawDataAccess));
        Set<String> stale = new TreeSet<>(RAW_DATA_ACCESS_NOT_YET_IN_A_REPOSITORY);
        stale.removeAll(offending);
        assertEquals(Set.of(), stale, "these classes no longer run SQL themselves: delete them from the allowlist");
    }

    @Test
    void aServiceHoldingThePoolIsCaught() {
        assertThrows(AssertionError.class,
                () -> dataAccessRule(DescribedPredicate.alwaysFalse()).check(FIXTURE_CLASSES));
    }

    @Test
    void noContextDependsOnAnotherContextsRepository() {
        classes().that(DescribedPredicate.not(DescribedPredicate.describe("allowlisted",
                        c -> FOREIGN_REPOSITORY_USE_NOT_YET_MOVED.contains(outer(c)))))
                .should(ContextRules.haveNo("dependency on another context's repository",
                        ContextRules.foreignRepositories(ROOT)))
                .check(CLASSES);
    }

    @Test
    void theAllowlistOfForeignRepositoryUseOnlyShrinks() {
        Set<String> stale = new TreeSet<>(FOREIGN_REPOSITORY_USE_NOT_YET_MOVED);
        stale.removeAll(outers(ContextRules.offenders(CLASSES, ContextRules.foreignRepositories(ROOT))));
        assertEquals(Set.of(), stale, "these classes no longer use another context's repository: delete them");
    }

    @Test
    void aContextReachingIntoAnotherContextsRepositoryIsCaught() {
        assertEquals(Set.of(FIXTURE + ".beta.service.BetaService"),
                ContextRules.offenders(FIXTURE_CLASSES, ContextRules.foreignRepositories(FIXTURE)));
        assertThrows(AssertionError.class, () -> repositoryRule(FIXTURE).check(FIXTURE_CLASSES));
    }

    @Test
    void servicesAndRepositoriesDoNotDependOnRest() {
        noClasses().that().resideInAnyPackage("..service..", "..repository..", "..domain..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .check(CLASSES);
    }

    @Test
    void restLayerDoesNotDependOnDemoSeeding() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..platform.demo..")
                .check(CLASSES);
    }

    private static ArchRule dataAccessRule(DescribedPredicate<JavaClass> allowlisted) {
        return classes().that(DescribedPredicate.not(EXEMPT_FROM_DATA_RULE))
                .and(DescribedPredicate.not(DescribedPredicate.describe("in a repository or the report read model",
                        ContextRules::mayAccessDataDirectly)))
                .and(DescribedPredicate.not(allowlisted))
                .should(ContextRules.haveNo("SQL client, JDBC or native query", ContextRules::rawDataAccess))
                .allowEmptyShould(true);
    }

    private static ArchRule repositoryRule(String root) {
        Function<JavaClass, List<String>> offences = ContextRules.foreignRepositories(root);
        return classes().should(ContextRules.haveNo("dependency on another context's repository", offences));
    }

    private static String outer(JavaClass javaClass) {
        String name = javaClass.getName();
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    private static Set<String> outers(Set<String> names) {
        Set<String> outers = new TreeSet<>();
        names.forEach(n -> outers.add(n.contains("$") ? n.substring(0, n.indexOf('$')) : n));
        return outers;
    }
}
