package cq.jianxi.platform.launch;

import cq.jianxi.common.security.KeyMaterial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration the launcher and the tests derive before Quarkus starts: token keys, the personal-data
 * key and OIDC mode. Where each key came from is recorded under {@code jianxi.key-source.*}, so the
 * production check (ProductionGuard) can refuse keys the application generated for itself.
 */
public final class RuntimeSetup {

    public static final String ISSUER = "jianxi";

    /** Where the token signing key came from: {@link #CONFIGURED} or {@link #GENERATED}. */
    public static final String SIGNING_KEY_SOURCE = "jianxi.key-source.signing";
    /** Where the personal-data key came from: {@link #CONFIGURED} or {@link #GENERATED}. */
    public static final String DATA_KEY_SOURCE = "jianxi.key-source.personal-data";
    /** Provided by the deployment (environment, secret file, explicit setting). */
    public static final String CONFIGURED = "configured";
    /** Created by the application into its data directory on first start: fine for a demo, not for production. */
    public static final String GENERATED = "generated";

    private RuntimeSetup() {
    }

    /** Settings for the built-in login with a key pair generated into {@code keyDir} (demo, tests). */
    public static Map<String, String> embeddedAuth(Path keyDir) {
        return embeddedAuth(keyDir, null);
    }

    /**
     * Settings for the built-in login: quarkus-oidc verifies our own RS256 tokens with the public key. With
     * {@code privateKeyFile} (JIANXI_AUTH_PRIVATE_KEY_FILE) the deployment's key signs; otherwise a pair is
     * generated into {@code keyDir}.
     */
    public static Map<String, String> embeddedAuth(Path keyDir, String privateKeyFile) {
        boolean configured = privateKeyFile != null && !privateKeyFile.isBlank();
        KeyMaterial keys = configured ? KeyMaterial.fromPrivateKeyFile(Path.of(privateKeyFile.trim()))
                : KeyMaterial.loadOrCreate(keyDir);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.public-key", keys.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", ISSUER);
        config.put("jianxi.auth.mode", "embedded");
        config.put("jianxi.auth.private-key-file", keys.privateKeyFile().toString());
        config.put(SIGNING_KEY_SOURCE, configured ? CONFIGURED : GENERATED);
        return config;
    }

    /** The personal-data key from JIANXI_DATA_KEY, otherwise generated once into the data directory. */
    public static Map<String, String> dataKey(Path keyDir, String fromEnvironment) {
        return dataKey(keyDir, fromEnvironment, null);
    }

    /**
     * The key that encrypts personal data at rest: JIANXI_DATA_KEY (base64), else the file named by
     * JIANXI_DATA_KEY_FILE (a container secret), else generated once into the data directory.
     */
    public static Map<String, String> dataKey(Path keyDir, String fromEnvironment, String fromFile) {
        Map<String, String> config = new LinkedHashMap<>();
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            config.put("jianxi.crypto.data-key", fromEnvironment.trim());
            config.put(DATA_KEY_SOURCE, CONFIGURED);
        } else if (fromFile != null && !fromFile.isBlank()) {
            config.put("jianxi.crypto.data-key", read(Path.of(fromFile.trim())));
            config.put(DATA_KEY_SOURCE, CONFIGURED);
        } else {
            config.put("jianxi.crypto.data-key", KeyMaterial.loadOrCreateSecret(keyDir.resolve("personal-data.key")));
            config.put(DATA_KEY_SOURCE, GENERATED);
        }
        return config;
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

    private static String read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException("JIANXI_DATA_KEY_FILE " + file + " is not a readable file");
        }
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
