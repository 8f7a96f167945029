package cq.jianxi.platform.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** An embedded PostgreSQL 17 used when no external database is configured (make run, tests). */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given data directory. With {@code keepData} the directory is reused across
     * restarts, so what one run created is there for the next; tests pass a fresh directory instead.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean keepData) {
        try {
            Files.createDirectories(dataDirectory);
            // A stale lock file from a killed run would stop the postmaster from starting again.
            Path pid = dataDirectory.resolve("postmaster.pid");
            if (keepData && Files.exists(pid) && !processAlive(pid)) {
                Files.delete(pid);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            // Benchmarks compare the API with PostgreSQL's own time per statement (bench/reports.sh).
            String preload = System.getenv("JIANXI_EMBEDDED_DB_PRELOAD");
            if (preload != null && !preload.isBlank()) {
                builder.setServerConfig("shared_preload_libraries", preload.trim());
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static boolean processAlive(Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            return ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The Quarkus datasource settings that point at this database. */
    public Map<String, String> datasourceConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port() + "/postgres");
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port() + "/postgres");
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        return config;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
