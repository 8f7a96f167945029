package cq.jianxi.platform.launch;

import cq.jianxi.common.security.KeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher records where each key came from, so the production check can tell a generated one. */
class RuntimeSetupTest {

    @Test
    void aGeneratedKeyPairIsMarkedGenerated(@TempDir Path dir) {
        Map<String, String> config = RuntimeSetup.embeddedAuth(dir.resolve("keys"), null);
        assertEquals(RuntimeSetup.GENERATED, config.get(RuntimeSetup.SIGNING_KEY_SOURCE));
        assertTrue(Files.exists(dir.resolve("keys").resolve(KeyMaterial.PRIVATE_KEY_FILE)));
    }

    @Test
    void aConfiguredPrivateKeyFileSignsAndItsPublicHalfVerifies(@TempDir Path dir) {
        // A pair made elsewhere: the deployment hands over only the private key file.
        KeyMaterial made = KeyMaterial.loadOrCreate(dir.resolve("elsewhere"));
        Path keyFile = made.privateKeyFile();
        Map<String, String> config = RuntimeSetup.embeddedAuth(dir.resolve("keys"), keyFile.toString());
        assertEquals(RuntimeSetup.CONFIGURED, config.get(RuntimeSetup.SIGNING_KEY_SOURCE));
        assertEquals(keyFile.toString(), config.get("jianxi.auth.private-key-file"));
        assertEquals(made.publicKeyBase64(), config.get("quarkus.oidc.public-key"));
        // Nothing was generated next to the data.
        assertTrue(Files.notExists(dir.resolve("keys")));
    }

    @Test
    void refusesAMissingOrNonPkcs8KeyFileNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.pem");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuntimeSetup.embeddedAuth(dir.resolve("keys"), missing.toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        e = assertThrows(IllegalStateException.class, () -> RuntimeSetup.embeddedAuth(dir.resolve("keys"), pkcs1.toString()));
        assertTrue(e.getMessage().contains("PKCS#8"), e.getMessage());
    }

    @Test
    void thePersonalDataKeyComesFromTheEnvironmentAFileOrIsGenerated(@TempDir Path dir) throws Exception {
        String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        Map<String, String> fromEnv = RuntimeSetup.dataKey(dir, key, null);
        assertEquals(key, fromEnv.get("jianxi.crypto.data-key"));
        assertEquals(RuntimeSetup.CONFIGURED, fromEnv.get(RuntimeSetup.DATA_KEY_SOURCE));

        Path secret = Files.writeString(dir.resolve("secret"), key + "\n");
        Map<String, String> fromFile = RuntimeSetup.dataKey(dir.resolve("keys"), null, secret.toString());
        assertEquals(key, fromFile.get("jianxi.crypto.data-key"));
        assertEquals(RuntimeSetup.CONFIGURED, fromFile.get(RuntimeSetup.DATA_KEY_SOURCE));

        Map<String, String> generated = RuntimeSetup.dataKey(dir.resolve("keys"), null, null);
        assertEquals(RuntimeSetup.GENERATED, generated.get(RuntimeSetup.DATA_KEY_SOURCE));
        assertTrue(Files.exists(dir.resolve("keys").resolve("personal-data.key")));
    }
}
