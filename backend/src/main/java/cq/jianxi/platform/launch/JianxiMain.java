package cq.jianxi.platform.launch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point: prepares the database and token keys before Quarkus reads its configuration, so that a
 * fresh machine needs no setup while production points everything at real services through environment.
 */
@QuarkusMain
public class JianxiMain {

    private static final Logger LOG = Logger.getLogger(JianxiMain.class);

    public static void main(String... args) {
        Path dataDir = Path.of(env("JIANXI_DATA_DIR", "data")).toAbsolutePath();
        if (args.length > 0 && "audit-verify".equals(args[0])) {
            System.exit(AuditVerifyCommand.run(dataDir, System.out));
        }
        Map<String, String> config = new LinkedHashMap<>();
        EmbeddedDatabase embedded = null;

        String dbHost = env("JIANXI_DB_HOST", null);
        if (dbHost != null) {
            String port = env("JIANXI_DB_PORT", "5432");
            String name = env("JIANXI_DB_NAME", "jianxi");
            config.put("quarkus.datasource.reactive.url", "postgresql://" + dbHost + ":" + port + "/" + name);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + dbHost + ":" + port + "/" + name);
            config.put("quarkus.datasource.username", env("JIANXI_DB_USER", "jianxi"));
            config.put("quarkus.datasource.password", env("JIANXI_DB_PASSWORD", ""));
            // Migrations may run as the schema's owner while the application connects as a role that can
            // only append to the audit log (docs/adr/0012).
            String migrationUser = env("JIANXI_DB_MIGRATION_USER", null);
            if (migrationUser != null) {
                config.put("quarkus.flyway.username", migrationUser);
                config.put("quarkus.flyway.password", env("JIANXI_DB_MIGRATION_PASSWORD", ""));
            }
        } else if (env("QUARKUS_DATASOURCE_REACTIVE_URL", null) == null) {
            int port = Integer.parseInt(env("JIANXI_EMBEDDED_DB_PORT", "54329"));
            LOG.infof("No database configured: starting embedded PostgreSQL in %s", dataDir.resolve("pg"));
            embedded = EmbeddedDatabase.start(dataDir.resolve("pg"), port, true);
            config.putAll(embedded.datasourceConfig());
        }

        String issuer = env("JIANXI_OIDC_ISSUER", null);
        config.putAll(issuer == null
                ? RuntimeSetup.embeddedAuth(dataDir.resolve("keys"), env("JIANXI_AUTH_PRIVATE_KEY_FILE", null))
                : RuntimeSetup.externalAuth(issuer, env("JIANXI_OIDC_CLIENT_ID", null)));
        config.putAll(RuntimeSetup.dataKey(dataDir.resolve("keys"), env("JIANXI_DATA_KEY", null),
                env("JIANXI_DATA_KEY_FILE", null)));
        if (System.getProperty("jianxi.crypto.data-key") != null) {
            // An explicit -D key is the deployment's own, whatever the launcher would have generated.
            config.put(RuntimeSetup.DATA_KEY_SOURCE, RuntimeSetup.CONFIGURED);
        }
        config.put("jianxi.storage.dir", dataDir.resolve("attachments").toString());
        config.forEach((key, value) -> {
            // An explicit -D setting wins over what the launcher derives.
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });

        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
