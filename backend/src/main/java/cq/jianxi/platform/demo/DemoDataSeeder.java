package cq.jianxi.platform.demo;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.service.PasswordHasher;
import cq.jianxi.identity.service.SecondFactorSettingsService;
import cq.jianxi.identity.service.PasswordPolicy;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseLevel;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Employer;
import cq.jianxi.organization.domain.EmployerKeyCategory;
import cq.jianxi.organization.domain.FilingSource;
import cq.jianxi.organization.domain.OperatingStatus;
import cq.jianxi.organization.domain.Ownership;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.youth.domain.EducationLevel;
import cq.jianxi.youth.domain.Youth;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Creates one demo account per role when demo data is enabled (make run, tests), and with
 * {@code jianxi.demo.population} a realistic year of recruitment so the dashboard tells a story from
 * the first run. Never in the prod profile unless asked for. Idempotent: a restart keeps what exists.
 */
@ApplicationScoped
public class DemoDataSeeder {

    @jakarta.inject.Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    /** The demo accounts, one per role; the production check refuses any of them that still has the demo password. */
    public static final List<String> DEMO_USERNAMES = List.of("admin", "wanzhou", "jiaowei", "base_demo", "youth_demo");

    static final String DEMO_BASE_NAME = "重庆三峡智造科技有限公司";
    static final String DEMO_BASE_CREDIT_CODE = DemoPopulation.creditCode("500101", 1);
    static final String DEMO_YOUTH_NAME = "李青禾";
    /** 万州区, born 2003-05-16; the check character is computed. */
    static final String DEMO_YOUTH_ID_FIRST17 = "50010120030516242";

    @ConfigProperty(name = "jianxi.demo.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "jianxi.demo.population", defaultValue = "false")
    boolean population;

    @ConfigProperty(name = "jianxi.demo.password", defaultValue = PasswordPolicy.DEMO_PASSWORD)
    String password;

    /** The demo staff's authenticator secret (base32), so that demo users and browser tests can compute codes. */
    @ConfigProperty(name = "jianxi.demo.totp-secret")
    String totpSecret;

    @ConfigProperty(name = "jianxi.auth.mode", defaultValue = "embedded")
    String authMode;

    @Inject
    SecondFactorSettingsService secondFactors;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    DemoPopulation demoPopulation;

    @Inject
    DemoYear demoYear;

    @Inject
    DemoAnnualReports demoAnnualReports;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            return;
        }
        if ("embedded".equals(authMode)) {
            String hash = PasswordHasher.hashNow(password);
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> seedAccounts(hash)));
            // Also for a data directory seeded before staff needed a second factor.
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    secondFactors.bindDemoSecret(totpSecret, List.of("admin", "wanzhou", "jiaowei"))));
        }
        if (population) {
            VertxContextSupport.subscribeAndAwait(() -> demoPopulation.seedIfEmpty(
                    clock.today()));
            demoYear.seedIfEmpty(clock.today());
            demoAnnualReports.seedIfEmpty(clock.today());
        }
    }

    private Uni<Void> seedAccounts(String hash) {
        return UserAccount.count().flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = clock.now();
            Employer employer = new Employer();
            employer.creditCode = DEMO_BASE_CREDIT_CODE;
            employer.name = DEMO_BASE_NAME;
            employer.regionCode = "500101";
            employer.industry = "智能制造";
            employer.ownership = Ownership.PRIVATE;
            employer.operatingStatus = OperatingStatus.OPERATING;
            employer.createdAt = now;
            Youth youth = new Youth();
            youth.name = DEMO_YOUTH_NAME;
            youth.regionCode = "500101";
            youth.createdAt = now;
            youth.updatedAt = now;
            String idNumber = DEMO_YOUTH_ID_FIRST17 + ResidentId.checkCharacter(DEMO_YOUTH_ID_FIRST17);
            youth.idNumberEncrypted = cipher.encrypt(idNumber);
            youth.idNumberHash = cipher.lookupHash(idNumber);
            youth.birthDate = ResidentId.birthDate(idNumber);
            youth.sex = ResidentId.sex(idNumber);
            youth.phoneEncrypted = cipher.encrypt("13912340000");
            youth.education = EducationLevel.BACHELOR;
            youth.school = "重庆三峡学院";
            youth.major = "机械设计制造及其自动化";
            // Graduated at the end of the latest June: an unemployed graduate within two years.
            java.time.LocalDate today = clock.today();
            java.time.LocalDate june = java.time.LocalDate.of(today.getYear(), 6, 30);
            youth.graduationDate = june.isAfter(today) ? june.minusYears(1) : june;
            youth.internshipIntention = true;
            youth.trainingIntention = false;
            youth.preferredRegions = new String[]{"500101"};
            youth.preferredCategories = new String[]{"TECHNICAL"};
            return employer.<Employer>persist().flatMap(e -> {
                Base base = new Base();
                base.employerId = e.id;
                base.name = e.name;
                base.regionCode = e.regionCode;
                base.status = BaseStatus.APPROVED;
                base.level = BaseLevel.DISTRICT;
                // Held from last year's selection: the level a base shows comes from the latest evaluation.
                base.levelYear = clock.today().getYear() - 1;
                base.source = FilingSource.SELF;
                base.contactName = "王经理";
                base.contactPhoneEncrypted = cipher.encrypt("13800138000");
                base.address = "重庆市万州区北山大道 1 号";
                base.appliedAt = now.minusDays(30);
                base.decidedAt = now.minusDays(29);
                base.decidedBy = "wanzhou";
                base.filedYear = base.decidedAt.atZoneSameInstant(AppClock.ZONE).getYear();
                base.createdAt = base.appliedAt;
                return EmployerKeyCategory.of(e.id, "ZJTX").persist().replaceWith(base);
            }).flatMap(base -> base.<Base>persist()).flatMap(base -> youth.<Youth>persist().flatMap(y -> {
                List<UserAccount> accounts = List.of(
                        account("admin", "市人社局管理员", Role.CITY_ADMIN, hash, now),
                        scoped(account("wanzhou", "万州区人社局", Role.DISTRICT_ADMIN, hash, now), "500101", null, null, null),
                        scoped(account("jiaowei", "市教委", Role.DEPARTMENT, hash, now), null, "JW", null, null),
                        // No authenticator: shows how staff bind one at their first login.
                        scoped(account("yuzhong", "渝中区人社局", Role.DISTRICT_ADMIN, hash, now), "500103", null, null, null),
                        scoped(account("base_demo", DEMO_BASE_NAME, Role.BASE, hash, now), "500101", null, base.id, null),
                        scoped(account("youth_demo", DEMO_YOUTH_NAME, Role.YOUTH, hash, now), null, null, null, y.id));
                // Phones for the self-service password reset; the codes land in the SMS outbox (log).
                String[] phones = {"13900000001", "13900000002", "13900000003", "13900000004", "13800138000", "13912340000"};
                for (int i = 0; i < accounts.size(); i++) {
                    accounts.get(i).phoneEncrypted = cipher.encrypt(phones[i]);
                    accounts.get(i).phoneHash = cipher.lookupHash(phones[i]);
                }
                LOG.infof("Demo data: created %d demo accounts", accounts.size());
                return UserAccount.persist(accounts);
            }));
        });
    }

    private static UserAccount account(String username, String displayName, Role role, String hash, OffsetDateTime now) {
        UserAccount a = new UserAccount();
        a.username = username;
        a.displayName = displayName;
        a.role = role;
        a.passwordHash = hash;
        a.createdAt = now;
        a.passwordChangedAt = now;
        return a;
    }

    private static UserAccount scoped(UserAccount a, String region, String department, Long baseId, Long youthId) {
        a.regionCode = region;
        a.departmentCode = department;
        a.baseId = baseId;
        a.youthId = youthId;
        return a;
    }
}
