package cq.jianxi.platform.launch;

import cq.jianxi.audit.domain.ChainVerifier;
import cq.jianxi.audit.service.AuditChainJdbc;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/**
 * {@code java -jar quarkus-run.jar audit-verify} (make audit-verify): verifies the audit chain without
 * starting the application, against the database the application would use. For the embedded database
 * in JIANXI_DATA_DIR it connects to the running server when the application is up, or starts PostgreSQL
 * on that directory for the check otherwise. Exit status 0 when intact, 1 when broken, 2 on error.
 */
final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    static int run(Path dataDir, PrintStream out) {
        EmbeddedDatabase started = null;
        try {
            String url;
            Properties credentials = new Properties();
            String host = env("JIANXI_DB_HOST");
            String jdbcUrl = env("QUARKUS_DATASOURCE_JDBC_URL");
            if (host != null) {
                url = "jdbc:postgresql://" + host + ":" + envOr("JIANXI_DB_PORT", "5432") + "/" + envOr("JIANXI_DB_NAME", "jianxi");
                credentials.setProperty("user", envOr("JIANXI_DB_USER", "jianxi"));
                credentials.setProperty("password", envOr("JIANXI_DB_PASSWORD", ""));
            } else if (jdbcUrl != null) {
                url = jdbcUrl;
                credentials.setProperty("user", envOr("QUARKUS_DATASOURCE_USERNAME", ""));
                credentials.setProperty("password", envOr("QUARKUS_DATASOURCE_PASSWORD", ""));
            } else {
                Path pg = dataDir.resolve("pg");
                Integer running = runningPort(pg);
                int port;
                if (running != null) {
                    port = running;
                } else if (Files.isDirectory(pg)) {
                    started = EmbeddedDatabase.start(pg, 0, true);
                    port = started.port();
                } else {
                    out.println("没有找到数据库：" + pg + " 不存在（先运行 make run），也未设置 JIANXI_DB_HOST");
                    return 2;
                }
                url = "jdbc:postgresql://localhost:" + port + "/postgres";
                credentials.setProperty("user", "postgres");
                credentials.setProperty("password", "postgres");
            }
            // The driver directly: DriverManager does not see drivers of the application's class loader.
            try (Connection c = new org.postgresql.Driver().connect(url, credentials)) {
                if (c == null) {
                    out.println("无法连接数据库：" + url);
                    return 2;
                }
                ChainVerifier.Result result = AuditChainJdbc.verify(c);
                print(result, url, out);
                return result.intact() ? 0 : 1;
            }
        } catch (SQLException | RuntimeException e) {
            out.println("审计日志校验失败：" + e.getMessage());
            return 2;
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private static void print(ChainVerifier.Result r, String url, PrintStream out) {
        out.println("审计日志哈希链校验（" + url + "）");
        out.println("  锚点序号 " + r.anchorSeq() + "，链头序号 " + r.headSeq() + "，已核对 " + r.checkedRows() + " 条");
        if (r.intact()) {
            out.println("  结果：完整");
        } else {
            ChainVerifier.Break b = r.broken();
            out.println("  结果：发现异常 —— 序号 " + b.seq() + (b.id() == null ? "" : "（记录编号 " + b.id() + "，时间 " + b.at() + "）")
                    + "：" + b.problem() + " " + b.problem().label());
        }
    }

    /** The port of a live postmaster on this data directory (line 4 of postmaster.pid), else null. */
    private static Integer runningPort(Path pg) {
        Path pid = pg.resolve("postmaster.pid");
        try {
            if (!Files.exists(pid)) {
                return null;
            }
            List<String> lines = Files.readAllLines(pid);
            long process = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false);
            return alive && lines.size() > 3 ? Integer.valueOf(lines.get(3).trim()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String envOr(String name, String fallback) {
        String value = env(name);
        return value == null ? fallback : value;
    }
}
