package cq.jianxi.audit;

import cq.jianxi.audit.domain.AuditDigest;
import cq.jianxi.audit.domain.ChainRow;
import cq.jianxi.audit.domain.ChainVerifier;
import cq.jianxi.audit.service.AuditChainJdbc;
import cq.jianxi.audit.service.AuditRetention;
import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditChainTest {

    @Inject
    AuditRetention retention;

    /** Writes one LOGIN_FAILED row for a name of its own and returns its id. */
    private static long failedLogin(String username) {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "x"))
                .post("/api/auth/login").then().statusCode(401);
        return TestDb.count("select max(id) from audit_event where actor_username = ? and action = 'LOGIN_FAILED'", username);
    }

    private static Response verification() {
        return Api.as("admin").get("/api/audit/verification").then().statusCode(200).extract().response();
    }

    /** Runs statements as the superuser with every trigger switched off: what an intruder with DBA rights could do. */
    private static void behindTheTriggers(String sql, Object... params) {
        try (Connection c = TestDb.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement st = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    st.setObject(i + 1, params[i]);
                }
                st.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sqlState(Runnable action) {
        IllegalStateException e = assertThrows(IllegalStateException.class, action::run);
        return ((SQLException) e.getCause()).getSQLState();
    }

    @Test
    void anOrdinaryLogVerifiesFromAnchorToHead() {
        failedLogin("chain-ok");
        Response r = verification();
        assertEquals(Boolean.TRUE, r.path("intact"));
        long head = TestDb.count("select max(seq) from audit_event");
        assertTrue(r.<Number>path("headSeq").longValue() >= head - 1, "the head read at the start of the check");
        assertEquals(r.<Number>path("headSeq").longValue() - r.<Number>path("anchorSeq").longValue(),
                r.<Number>path("checkedRows").longValue());
        assertEquals(180, r.<Number>path("retentionDays").intValue());
        assertEquals(null, (Object) r.path("broken"));
        // The check is itself in the log.
        assertTrue(TestDb.count("select count(*) from audit_event where action = 'AUDIT_VERIFIED'") >= 1);
    }

    @Test
    void verificationNamesTheRowChangedBehindTheTriggersAndTheGapOfARemovedOne() {
        long id = failedLogin("chain-tamper");
        long seq = TestDb.count("select seq from audit_event where id = ?", id);
        String original = TestDb.text("select detail from audit_event where id = ?", id);
        behindTheTriggers("update audit_event set detail = '无异常' where id = ?", id);
        try {
            verification().then().body("intact", equalTo(false))
                    .body("broken.seq", equalTo((int) seq))
                    .body("broken.id", equalTo((int) id))
                    .body("broken.problem", equalTo("HASH_MISMATCH"))
                    .body("broken.message", equalTo("记录内容与其哈希值不符：该记录被修改过"));
        } finally {
            behindTheTriggers("update audit_event set detail = ? where id = ?", original, id);
        }
        verification().then().body("intact", equalTo(true));

        // A removed row leaves a gap in the numbering where it was.
        String backup = "audit_backup_" + id;
        TestDb.update("create table " + backup + " as select * from audit_event where id = ?", id);
        behindTheTriggers("delete from audit_event where id = ?", id);
        try {
            verification().then().body("intact", equalTo(false))
                    .body("broken.seq", equalTo((int) seq))
                    .body("broken.id", nullValue())
                    .body("broken.problem", equalTo("ROW_MISSING"));
        } finally {
            behindTheTriggers("insert into audit_event select * from " + backup);
            TestDb.update("drop table " + backup);
        }
        verification().then().body("intact", equalTo(true));
    }

    @Test
    void theApplicationsRoleCanNeitherChangeNorRemoveAuditRows() {
        long id = failedLogin("chain-append-only");
        // 42501: insufficient_privilege, raised by the append-only trigger (the app connects as this role).
        assertEquals("42501", sqlState(() -> TestDb.update("update audit_event set detail = 'x' where id = ?", id)));
        assertEquals("42501", sqlState(() -> TestDb.update("delete from audit_event where id = ?", id)));
        assertEquals("42501", sqlState(() -> TestDb.update("truncate audit_event")));
        assertEquals("42501", sqlState(() -> TestDb.update("update audit_chain set head_seq = head_seq - 1")));
        assertEquals("42501", sqlState(() -> TestDb.update("update audit_chain set anchor_seq = (select seq from audit_event where id = ?),"
                + " anchor_hash = (select hash from audit_event where id = ?)", id, id)));
        assertEquals("42501", sqlState(() -> TestDb.update("delete from audit_chain")));
        assertEquals(1, TestDb.count("select count(*) from audit_event where id = ? and detail is distinct from 'x'", id));
    }

    @Test
    void thePurgeRefusesACutOffWithinTheMinimumRetention() throws Throwable {
        long rows = TestDb.count("select count(*) from audit_event");
        assertEquals("22023", sqlState(() -> TestDb.count("select audit_purge(now() - interval '179 days')")));
        assertEquals("22023", sqlState(() -> TestDb.count("select audit_purge(now())")));
        // Today's rows are all younger than the retention: the nightly purge finds nothing to remove.
        long purged = VertxContextSupport.subscribeAndAwait(() -> retention.purgeOlderThan(OffsetDateTime.now().minusDays(180)));
        assertEquals(0, purged);
        assertTrue(TestDb.count("select count(*) from audit_event") >= rows);
    }

    @Test
    void aRetentionBelowOneHundredEightyDaysIsRefused() {
        assertThrows(IllegalStateException.class, () -> AuditRetention.requireAtLeastMinimum(java.time.Duration.ofDays(179)));
        assertEquals(java.time.Duration.ofDays(180), AuditRetention.requireAtLeastMinimum(java.time.Duration.ofDays(180)));
    }

    @Test
    void fiftyConcurrentAuditedRequestsKeepOneUnbrokenChain() throws Exception {
        long youthId = TestDb.count("select youth_id from user_account where username = 'youth_demo'");
        String token = Api.token("admin");
        long before = TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_VIEWED' and target_id = ?",
                String.valueOf(youthId));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> RestAssured.given().auth().oauth2(token).queryParam("reveal", true)
                        .get("/api/youth/" + youthId).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 50, TestDb.count("select count(*) from audit_event where action = 'PERSONAL_DATA_VIEWED' and target_id = ?",
                String.valueOf(youthId)));
        // One chain: numbered without gaps from the anchor, each row pointing at the one before it.
        assertEquals(0, TestDb.count("select count(*) from audit_event e left join audit_event p on p.seq = e.seq - 1"
                + " where e.seq > (select anchor_seq + 1 from audit_chain) and (p.hash is null or p.hash <> e.prev_hash)"));
        verification().then().body("intact", equalTo(true));
    }

    @Test
    void javaAndTheDatabaseSerialiseTrickyRowsAlike() {
        String detail = "逗号,竖线|冒号:换行\n𠀀（扩展B）\"引号\"";
        OffsetDateTime at = OffsetDateTime.parse("2026-11-18T02:00:00.123456Z");
        String db = TestDb.text("select audit_event_digest(7, 42, ?::timestamptz, null, 'admin', 'CITY_ADMIN', 'X', null, '', ?, null, ?)",
                at.toString(), detail, AuditDigest.GENESIS);
        String java = AuditDigest.of(new ChainRow(7, 42, at, null, "admin", "CITY_ADMIN", "X", null, "", detail, null,
                AuditDigest.GENESIS, null));
        assertEquals(db, java);
        // null and the empty string are different values.
        String withNull = AuditDigest.of(new ChainRow(7, 42, at, null, "admin", "CITY_ADMIN", "X", null, null, detail, null,
                AuditDigest.GENESIS, null));
        assertFalse(java.equals(withNull));
    }

    @Test
    void thePurgeRemovesOnlyTheOldPrefixAndKeepsTheRestVerifiable() throws Exception {
        String name = "audit_purge_" + Long.toString(System.nanoTime(), 36);
        TestDb.update("create database " + name);
        String url;
        try (Connection c = TestDb.connect()) {
            url = c.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + name);
        }
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            // Written in this order: two old rows, a recent one, then a late row with an old time.
            for (String at : List.of("2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", OffsetDateTime.now().toString(), "2020-01-03T00:00:00Z")) {
                try (PreparedStatement st = c.prepareStatement("insert into audit_event (at, action) values (?::timestamptz, 'PROBE')")) {
                    st.setString(1, at);
                    st.executeUpdate();
                }
            }
            assertEquals(2, single(c, "select audit_purge('2021-01-01T00:00:00Z')"));
            assertEquals(0, single(c, "select audit_purge('2021-01-01T00:00:00Z')"));
            assertEquals(2, single(c, "select count(*) from audit_event"));
            assertEquals(2, single(c, "select anchor_seq from audit_chain"));
            ChainVerifier.Result result = AuditChainJdbc.verify(c);
            assertTrue(result.intact(), () -> "broken: " + result.broken());
            assertEquals(2, result.checkedRows());
            assertEquals(2, result.anchorSeq());
            // The late old row sits after the anchor: not even the superuser's DELETE may take it.
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("delete from audit_event where seq = 4");
                }
            });
            assertEquals("42501", refused.getSQLState());
            // New rows go on from the same head.
            try (Statement st = c.createStatement()) {
                st.executeUpdate("insert into audit_event (action) values ('PROBE')");
            }
            assertTrue(AuditChainJdbc.verify(c).intact());
            assertEquals(5, single(c, "select max(seq) from audit_event"));
        } finally {
            TestDb.update("drop database " + name + " with (force)");
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theCityAdminExportsTheFilteredLogAsCsvWithItsCount() {
        failedLogin("chain-export");
        failedLogin("chain-export");
        long exportsBefore = TestDb.count("select count(*) from audit_event where action = 'AUDIT_EXPORTED'");
        Response r = Api.as("admin").queryParam("actor", "chain-export").get("/api/audit/export")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("X-Total-Count", "2")
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"audit-"))
                .extract().response();
        String[] lines = r.asString().split("\r\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("\uFEFF序号,记录编号,时间"));
        assertTrue(lines[1].contains(",chain-export,,LOGIN_FAILED,登录失败,"), lines[1]);
        assertEquals(exportsBefore + 1, TestDb.count("select count(*) from audit_event where action = 'AUDIT_EXPORTED'"));
    }

    @Test
    void anExportLargerThanOnePageIsWrittenWhole() {
        TestDb.update("insert into audit_event (at, action, detail) select now(), 'EXPORT_PAGING_PROBE', '=cmd|' || g from generate_series(1, 2345) g");
        Response r = Api.as("admin").queryParam("action", "EXPORT_PAGING_PROBE").get("/api/audit/export")
                .then().statusCode(200).header("X-Total-Count", "2345").extract().response();
        String[] lines = r.asString().split("\r\n");
        assertEquals(2346, lines.length);
        // A formula-looking cell is defused and quoted where needed.
        assertTrue(lines[1].contains(",'=cmd|1,"), lines[1]);
        assertTrue(lines[2345].contains(",'=cmd|2345,"), lines[2345]);
    }

    @Test
    void onlyTheCityAdminMayExportOrVerify() {
        for (String user : List.of("wanzhou", "jiaowei", "base_demo", "youth_demo")) {
            Api.as(user).get("/api/audit/export").then().statusCode(403).contentType("application/problem+json");
            Api.as(user).get("/api/audit/verification").then().statusCode(403).contentType("application/problem+json");
        }
        RestAssured.get("/api/audit/export").then().statusCode(401);
        RestAssured.get("/api/audit/verification").then().statusCode(401);
    }

    @Test
    void rejectsAnExportWhoseRangeEndsBeforeItStarts() {
        Api.as("admin").queryParam("from", "2026-11-18T00:00:00+08:00").queryParam("to", "2026-11-01T00:00:00+08:00")
                .get("/api/audit/export").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("to"));
    }
}
