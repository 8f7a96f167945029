package cq.jianxi.platform.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a start in production would expose personal data: demo accounts, a published password, or keys the
 * application generated for itself. Each reason names the setting that fixes it.
 */
public final class ProductionReadiness {

    private ProductionReadiness() {
    }

    /**
     * What the start found. Key sources are {@link RuntimeSetup#CONFIGURED}, {@link RuntimeSetup#GENERATED}
     * or null when none was set up.
     */
    public record Findings(boolean demoAccounts, boolean demoPopulation, boolean embeddedLogin, String signingKeySource,
                           String dataKeySource, List<String> accountsWithDemoPassword) {
    }

    /**
     * The SMS sender's reason to refuse the start: in production one-time codes must reach people's phones,
     * not the outbox table and the log where anyone reading the log could take them.
     */
    public static List<String> smsProblems(String sender, String gatewayUrl) {
        if (!"http".equalsIgnoreCase(sender)) {
            return List.of("jianxi.sms.sender is '" + sender + "': one-time codes would only be logged. Set JIANXI_SMS_SENDER=http"
                    + " with JIANXI_SMS_GATEWAY_URL and JIANXI_SMS_GATEWAY_TOKEN (the city's SMS gateway)");
        }
        if (gatewayUrl == null || gatewayUrl.isBlank()) {
            return List.of("JIANXI_SMS_SENDER=http needs JIANXI_SMS_GATEWAY_URL");
        }
        return List.of();
    }

    /** The reasons to refuse the start; empty when production may start. */
    public static List<String> problems(Findings f) {
        List<String> problems = new ArrayList<>();
        if (f.demoAccounts()) {
            problems.add("jianxi.demo.enabled is true (JIANXI_DEMO_DATA=true): demo accounts have a published password."
                    + " Unset JIANXI_DEMO_DATA; a demo runs with -Dquarkus.profile=demo (make run)");
        }
        if (f.demoPopulation()) {
            problems.add("jianxi.demo.population is true (JIANXI_DEMO_DATA=true): invented people and employers would"
                    + " mix with real records. Unset JIANXI_DEMO_DATA");
        }
        if (f.embeddedLogin() && !RuntimeSetup.CONFIGURED.equals(f.signingKeySource())) {
            problems.add(RuntimeSetup.GENERATED.equals(f.signingKeySource())
                    ? "the token signing key was generated into the data directory: set JIANXI_AUTH_PRIVATE_KEY_FILE to"
                    + " the deployment's own RSA key (PKCS#8 PEM), or JIANXI_OIDC_ISSUER for an external provider"
                    : "no token signing key is configured: set JIANXI_AUTH_PRIVATE_KEY_FILE (PKCS#8 PEM RSA key)");
        }
        if (!RuntimeSetup.CONFIGURED.equals(f.dataKeySource())) {
            problems.add(RuntimeSetup.GENERATED.equals(f.dataKeySource())
                    ? "the personal-data encryption key (jianxi.crypto.data-key) was generated into the data directory:"
                    + " set JIANXI_DATA_KEY or JIANXI_DATA_KEY_FILE to the deployment's own 32-byte key, base64"
                    : "no personal-data encryption key is configured: set JIANXI_DATA_KEY or JIANXI_DATA_KEY_FILE");
        }
        if (!f.accountsWithDemoPassword().isEmpty()) {
            problems.add("accounts still have the demo password (jianxi.demo.password / Jianxi@2023): "
                    + String.join(", ", f.accountsWithDemoPassword()) + ". Change their passwords or disable them");
        }
        return problems;
    }
}
