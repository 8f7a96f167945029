package cq.jianxi.platform.launch;

import cq.jianxi.identity.service.DefaultPasswords;
import cq.jianxi.identity.service.PasswordPolicy;
import cq.jianxi.platform.demo.DemoDataSeeder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses a production start (jianxi.production-checks, on unless the demo, dev or test profile turns it off)
 * that would run with demo accounts, a published password or self-generated keys. Runs before the demo
 * seeder, after the migrations; the failed start exits non-zero with each reason in the log.
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class);

    @ConfigProperty(name = "jianxi.production-checks", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "jianxi.demo.enabled", defaultValue = "false")
    boolean demoAccounts;
    @ConfigProperty(name = "jianxi.demo.population", defaultValue = "false")
    boolean demoPopulation;
    @ConfigProperty(name = "jianxi.demo.password", defaultValue = PasswordPolicy.DEMO_PASSWORD)
    String demoPassword;
    @ConfigProperty(name = "jianxi.auth.mode", defaultValue = "embedded")
    String authMode;
    @ConfigProperty(name = RuntimeSetup.SIGNING_KEY_SOURCE)
    Optional<String> signingKeySource;
    @ConfigProperty(name = RuntimeSetup.DATA_KEY_SOURCE)
    Optional<String> dataKeySource;

    @Inject
    DefaultPasswords defaultPasswords;

    @ConfigProperty(name = "jianxi.sms.sender", defaultValue = "outbox")
    String smsSender;
    @ConfigProperty(name = "jianxi.sms.gateway-url")
    Optional<String> smsGatewayUrl;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) throws Throwable {
        if (!enabled) {
            LOG.info("Production checks are off (jianxi.production-checks=false): demo, development or test run");
            return;
        }
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> LOG.error("Refusing to start in production: " + p));
            throw new IllegalStateException("Refusing to start in production: " + String.join(" | ", problems));
        }
        LOG.info("Production checks passed: no demo data, the deployment's own keys, no account with the demo password");
    }

    /** The reasons a production start would be refused; blocks while the accounts are checked. */
    public List<String> problems() throws Throwable {
        boolean embedded = "embedded".equalsIgnoreCase(authMode);
        // With an external provider nobody logs in with a built-in password, so there is nothing to check.
        Set<String> published = new LinkedHashSet<>(List.of(PasswordPolicy.DEMO_PASSWORD, demoPassword));
        List<String> withDemoPassword = embedded
                ? VertxContextSupport.subscribeAndAwait(() -> defaultPasswords.accountsStillUsing(published,
                DemoDataSeeder.DEMO_USERNAMES))
                : List.of();
        List<String> problems = new java.util.ArrayList<>(ProductionReadiness.problems(new ProductionReadiness.Findings(
                demoAccounts, demoPopulation, embedded, signingKeySource.orElse(null), dataKeySource.orElse(null), withDemoPassword)));
        problems.addAll(ProductionReadiness.smsProblems(smsSender, smsGatewayUrl.orElse(null)));
        return problems;
    }
}
