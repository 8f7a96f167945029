package cq.jianxi.support;

import cq.jianxi.platform.launch.EmbeddedDatabase;
import cq.jianxi.platform.launch.RuntimeSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts a throw-away PostgreSQL 17 on a random port and fresh token keys for the test run. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("jianxi-test");
            database = EmbeddedDatabase.start(dir.resolve("pg"), 0, false);
            Map<String, String> config = new HashMap<>(database.datasourceConfig());
            config.putAll(RuntimeSetup.embeddedAuth(dir.resolve("keys")));
            config.putAll(RuntimeSetup.dataKey(dir.resolve("keys"), null));
            config.put("jianxi.storage.dir", dir.resolve("attachments").toString());
            TestDb.jdbcUrl = config.get("quarkus.datasource.jdbc.url");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
