package cq.jianxi.platform.launch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cq.jianxi.platform.launch.RuntimeSetup.CONFIGURED;
import static cq.jianxi.platform.launch.RuntimeSetup.GENERATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionReadinessTest {

    private static ProductionReadiness.Findings ready() {
        return new ProductionReadiness.Findings(false, false, true, CONFIGURED, CONFIGURED, List.of());
    }

    private static String only(ProductionReadiness.Findings f) {
        List<String> problems = ProductionReadiness.problems(f);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void startsWithoutDemoDataWithTheDeploymentsOwnKeys() {
        assertTrue(ProductionReadiness.problems(ready()).isEmpty());
        // An external provider signs the tokens, so no signing key is needed.
        assertTrue(ProductionReadiness.problems(new ProductionReadiness.Findings(false, false, false, null, CONFIGURED,
                List.of())).isEmpty());
    }

    @Test
    void refusesDemoAccountsAndDemoPopulationNamingTheSetting() {
        String accounts = only(new ProductionReadiness.Findings(true, false, true, CONFIGURED, CONFIGURED, List.of()));
        assertTrue(accounts.contains("jianxi.demo.enabled") && accounts.contains("JIANXI_DEMO_DATA"), accounts);
        String population = only(new ProductionReadiness.Findings(false, true, true, CONFIGURED, CONFIGURED, List.of()));
        assertTrue(population.contains("jianxi.demo.population"), population);
    }

    @Test
    void refusesAGeneratedOrMissingSigningKeyForTheBuiltInLogin() {
        String generated = only(new ProductionReadiness.Findings(false, false, true, GENERATED, CONFIGURED, List.of()));
        assertTrue(generated.contains("generated") && generated.contains("JIANXI_AUTH_PRIVATE_KEY_FILE"), generated);
        String missing = only(new ProductionReadiness.Findings(false, false, true, null, CONFIGURED, List.of()));
        assertTrue(missing.contains("no token signing key") && missing.contains("JIANXI_AUTH_PRIVATE_KEY_FILE"), missing);
    }

    @Test
    void refusesAGeneratedOrMissingPersonalDataKeyWhateverTheLogin() {
        String generated = only(new ProductionReadiness.Findings(false, false, false, null, GENERATED, List.of()));
        assertTrue(generated.contains("jianxi.crypto.data-key") && generated.contains("JIANXI_DATA_KEY"), generated);
        String missing = only(new ProductionReadiness.Findings(false, false, true, CONFIGURED, null, List.of()));
        assertTrue(missing.contains("JIANXI_DATA_KEY_FILE"), missing);
    }

    @Test
    void refusesAccountsThatStillHaveTheDemoPasswordNamingThem() {
        String reason = only(new ProductionReadiness.Findings(false, false, true, CONFIGURED, CONFIGURED,
                List.of("admin", "wanzhou")));
        assertTrue(reason.contains("admin, wanzhou") && reason.contains("demo password"), reason);
    }

    @Test
    void listsEveryReasonAtOnce() {
        assertEquals(5, ProductionReadiness.problems(new ProductionReadiness.Findings(true, true, true, GENERATED,
                GENERATED, List.of("admin"))).size());
    }

    @org.junit.jupiter.api.Test
    void refusesTheSmsOutboxAndAGatewayWithoutAddress() {
        assertTrue(ProductionReadiness.smsProblems("outbox", null).get(0).contains("JIANXI_SMS_SENDER=http"));
        assertTrue(ProductionReadiness.smsProblems("http", " ").get(0).contains("JIANXI_SMS_GATEWAY_URL"));
        assertTrue(ProductionReadiness.smsProblems("http", "https://sms.example.cn/send").isEmpty());
    }
}
