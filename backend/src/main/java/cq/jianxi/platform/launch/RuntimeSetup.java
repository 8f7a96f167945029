package cq.jianxi.platform.launch;

import cq.jianxi.common.security.KeyMaterial;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration the launcher and the tests derive before Quarkus starts: token keys and OIDC mode. */
public final class RuntimeSetup {

    public static final String ISSUER = "jianxi";

    private RuntimeSetup() {
    }

    /** Settings for the built-in login: quarkus-oidc verifies our own RS256 tokens with the local public key. */
    public static Map<String, String> embeddedAuth(Path keyDir) {
        KeyMaterial keys = KeyMaterial.loadOrCreate(keyDir);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.public-key", keys.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("jianxi.auth.mode", "embedded");
        config.put("jianxi.auth.private-key-file", keys.privateKeyFile().toString());
        return config;
    }

    /**
     * The key that encrypts personal data at rest: JIANXI_DATA_KEY in production, otherwise generated
     * once into the data directory.
     */
    public static Map<String, String> dataKey(Path keyDir, String fromEnvironment) {
        String key = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment.trim()
                : KeyMaterial.loadOrCreateSecret(keyDir.resolve("personal-data.key"));
        return Map.of("jianxi.crypto.data-key", key);
    }

    /** Settings for an external OpenID Connect provider: the built-in login switches off. */
    public static Map<String, String> externalAuth(String issuerUrl, String clientId) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", issuerUrl);
        if (clientId != null && !clientId.isBlank()) {
            config.put("quarkus.oidc.client-id", clientId);
        }
        config.put("jianxi.auth.mode", "external");
        return config;
    }
}
