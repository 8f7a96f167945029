package cq.jianxi.platform.demo;

import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.service.PasswordHasher;
import cq.jianxi.organization.domain.Base;
import cq.jianxi.youth.domain.Youth;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Creates one demo account per role when demo data is enabled (make run, tests); never in the prod
 * profile. Idempotent: a restart keeps what exists, including changed passwords.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    static final String DEMO_BASE_NAME = "重庆三峡智造科技有限公司";
    static final String DEMO_YOUTH_NAME = "李青禾";

    @ConfigProperty(name = "jianxi.demo.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "jianxi.demo.password", defaultValue = "Jianxi@2023")
    String password;

    @ConfigProperty(name = "jianxi.auth.mode", defaultValue = "embedded")
    String authMode;

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled || !"embedded".equals(authMode)) {
            return;
        }
        String hash = PasswordHasher.hashNow(password);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> seed(hash)));
    }

    private Uni<Void> seed(String hash) {
        return UserAccount.count().flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().voidItem();
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            Base base = new Base();
            base.name = DEMO_BASE_NAME;
            base.regionCode = "500101";
            base.createdAt = now;
            Youth youth = new Youth();
            youth.name = DEMO_YOUTH_NAME;
            youth.regionCode = "500101";
            youth.createdAt = now;
            return base.persist().flatMap(b -> youth.persist()).flatMap(y -> {
                List<UserAccount> accounts = List.of(
                        account("admin", "市人社局管理员", Role.CITY_ADMIN, hash, now),
                        scoped(account("wanzhou", "万州区人社局", Role.DISTRICT_ADMIN, hash, now), "500101", null, null, null),
                        scoped(account("jiaowei", "市教委", Role.DEPARTMENT, hash, now), null, "JW", null, null),
                        scoped(account("base_demo", DEMO_BASE_NAME, Role.BASE, hash, now), "500101", null, base.id, null),
                        scoped(account("youth_demo", DEMO_YOUTH_NAME, Role.YOUTH, hash, now), null, null, null, youth.id));
                LOG.infof("Demo data: created %d demo accounts", accounts.size());
                return UserAccount.persist(accounts);
            });
        });
    }

    private static UserAccount account(String username, String displayName, Role role, String hash, OffsetDateTime now) {
        UserAccount a = new UserAccount();
        a.username = username;
        a.displayName = displayName;
        a.role = role;
        a.passwordHash = hash;
        a.createdAt = now;
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
