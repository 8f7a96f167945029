package cq.jianxi.imports.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.tabular.TabularStream;
import cq.jianxi.common.validation.CreditCode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Data shared by other departments (数据共享): the education department's graduate roster and market
 * regulation's enterprise operating status. Files stream through in chunks inside one database
 * transaction, so a 100,000-row roster needs little memory and a failure leaves nothing half-written.
 * Imports run one at a time on their own thread; the batch row reports progress while they run.
 */
@ApplicationScoped
public class ImportService {

    @jakarta.inject.Inject
    AppClock clock;

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final int CHUNK = 1000;
    public static final String ROSTER = "GRADUATE_ROSTER";
    public static final String ENTERPRISE_STATUS = "ENTERPRISE_STATUS";
    private static final ZoneId CHONGQING = AppClock.ZONE;

    @Inject
    DataSource dataSource;

    @Inject
    PersonalDataCipher cipher;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jianxi-import");
        t.setDaemon(true);
        return t;
    });

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /** Checks the header, records the batch and starts processing; returns the batch id. Blocking. */
    public long start(Caller caller, String kind, String fileName, Path upload) {
        requireUploader(caller, kind);
        Map<String, Integer> columns = header(upload, kind);
        try {
            Path copy = Files.createTempFile("jianxi-import", ".bin");
            Files.copy(upload, copy, StandardCopyOption.REPLACE_EXISTING);
            long batchId;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                batchId = insertBatch(c, kind, fileName, sha256(copy), caller, "PROCESSING", null);
                audit(c, caller, ROSTER.equals(kind) ? AuditAction.ROSTER_IMPORTED : AuditAction.ENTERPRISE_STATUS_IMPORTED,
                        batchId, fileName);
            }
            worker.submit(() -> process(batchId, kind, copy, columns));
            return batchId;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the import", e);
        }
    }

    private static void requireUploader(Caller caller, String kind) {
        if (ROSTER.equals(kind)) {
            boolean education = caller.is(Role.DEPARTMENT) && "JW".equals(caller.departmentCode());
            if (!education && !caller.is(Role.CITY_ADMIN)) {
                throw ApiProblem.forbidden("毕业生名单由市教委或市人社局上传");
            }
        } else {
            caller.requireRole(Role.CITY_ADMIN);
        }
    }

    /** Maps the header to columns; a file without the required columns is refused whole. */
    private Map<String, Integer> header(Path upload, String kind) {
        List<String> header = new ArrayList<>();
        try {
            TabularStream.read(upload, (number, cells) -> {
                header.addAll(cells);
                throw new StopReading();
            });
        } catch (StopReading done) {
            // only the header was wanted
        } catch (Exception e) {
            throw ApiProblem.unprocessable("文件无法读取：" + e.getMessage(), List.of(Violation.of("file", "文件无法读取")));
        }
        Map<String, String> aliases = ROSTER.equals(kind) ? RosterRow.HEADERS : StatusRow.HEADERS;
        List<String> required = ROSTER.equals(kind) ? RosterRow.COLUMNS : StatusRow.COLUMNS;
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = aliases.get(header.get(i).trim().toLowerCase(Locale.ROOT));
            if (name == null) {
                name = aliases.get(header.get(i).trim());
            }
            if (name != null) {
                columns.putIfAbsent(name, i);
            }
        }
        List<Violation> missing = required.stream().filter(c -> !columns.containsKey(c))
                .map(c -> Violation.inFile(1, c, "缺少列 " + c)).toList();
        if (!missing.isEmpty()) {
            throw ApiProblem.unprocessable("文件列不符合要求，整份拒绝", missing);
        }
        return columns;
    }

    private void process(long batchId, String kind, Path file, Map<String, Integer> columns) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Processor processor = ROSTER.equals(kind) ? new RosterProcessor(c, batchId, columns)
                        : new StatusProcessor(c, batchId, columns);
                TabularStream.read(file, (number, cells) -> {
                    if (number > 1 && cells.stream().anyMatch(v -> v != null && !v.isBlank())) {
                        processor.row(number, cells);
                    }
                });
                processor.flush();
                try (PreparedStatement st = c.prepareStatement("""
                        update import_batch set status = 'COMPLETED', total_rows = ?, created_rows = ?, updated_rows = ?,
                               unchanged_rows = ?, error_rows = ?, finished_at = ? where id = ?""")) {
                    st.setInt(1, processor.total);
                    st.setInt(2, processor.created);
                    st.setInt(3, processor.updated);
                    st.setInt(4, processor.unchanged);
                    st.setInt(5, processor.errors);
                    st.setTimestamp(6, Timestamp.from(clock.instant()));
                    st.setLong(7, batchId);
                    st.executeUpdate();
                }
                c.commit();
                LOG.infof("Import %d finished: %d rows, %d created, %d updated, %d unchanged, %d errors", batchId,
                        processor.total, processor.created, processor.updated, processor.unchanged, processor.errors);
            } catch (Exception e) {
                c.rollback();
                // The message may quote file content; keep personal data out of the log.
                LOG.warnf("Import %d failed: %s", batchId, e.getClass().getSimpleName());
                markFailed(batchId, "导入失败，未写入任何数据；请检查文件后重新上传（批次 " + batchId + "）");
            }
        } catch (SQLException e) {
            markFailed(batchId, "数据库不可用");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private void markFailed(long batchId, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update import_batch set status = 'FAILED', failure = ?, finished_at = ? where id = ?")) {
            c.setAutoCommit(true);
            st.setString(1, reason);
            st.setTimestamp(2, Timestamp.from(clock.instant()));
            st.setLong(3, batchId);
            st.executeUpdate();
        } catch (SQLException e) {
            LOG.error("Could not mark import " + batchId + " as failed", e);
        }
    }

    /** Reports progress through its own connection: the processing transaction is not visible until it commits. */
    private void progress(long batchId, int rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "update import_batch set total_rows = ? where id = ? and status = 'PROCESSING'")) {
            c.setAutoCommit(true);
            st.setInt(1, rows);
            st.setLong(2, batchId);
            st.executeUpdate();
        } catch (SQLException e) {
            LOG.debug("Progress update failed", e);
        }
    }

    /** Shared bookkeeping of both kinds of import. */
    private abstract class Processor {
        final Connection c;
        final long batchId;
        final Map<String, Integer> columns;
        int total;
        int created;
        int updated;
        int unchanged;
        int errors;
        final List<RosterRow.Problem> problems = new ArrayList<>();

        Processor(Connection c, long batchId, Map<String, Integer> columns) {
            this.c = c;
            this.batchId = batchId;
            this.columns = columns;
        }

        abstract void row(int number, List<String> cells) throws SQLException;

        abstract void flushRows() throws SQLException;

        void flush() throws SQLException {
            flushRows();
            if (!problems.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement(
                        "insert into import_row_error (batch_id, row_no, field, reason) values (?, ?, ?, ?) on conflict do nothing")) {
                    for (RosterRow.Problem p : problems) {
                        st.setLong(1, batchId);
                        st.setInt(2, p.row());
                        st.setString(3, p.field());
                        st.setString(4, p.reason().length() > 300 ? p.reason().substring(0, 300) : p.reason());
                        st.addBatch();
                    }
                    st.executeBatch();
                }
                problems.clear();
            }
            progress(batchId, total);
        }
    }

    private final class RosterProcessor extends Processor {
        private final LocalDate today = clock.today();
        private final List<RosterRow> pending = new ArrayList<>();
        private final Set<String> regions = new HashSet<>();
        private final Set<Integer> badRows = new HashSet<>();

        RosterProcessor(Connection c, long batchId, Map<String, Integer> columns) throws SQLException {
            super(c, batchId, columns);
            try (PreparedStatement st = c.prepareStatement("select code from region"); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    regions.add(rs.getString(1));
                }
            }
        }

        @Override
        void row(int number, List<String> cells) throws SQLException {
            total++;
            int before = problems.size();
            RosterRow row = RosterRow.parse(number, cells, columns, today, problems);
            if (row == null) {
                if (problems.size() > before && badRows.add(number)) {
                    errors++;
                }
            } else {
                pending.add(row);
            }
            if (pending.size() >= CHUNK) {
                flush();
            }
        }

        @Override
        void flushRows() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, RosterRow> byHash = new HashMap<>();
            for (RosterRow r : pending) {
                byHash.put(cipher.lookupHash(r.idNumber()), r);
            }
            Map<String, Object[]> existing = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement("""
                    select id_number_hash, name, school, major, education, graduation_date, current_status,
                           internship_intention, training_intention from youth where id_number_hash = any(?)""")) {
                st.setArray(1, c.createArrayOf("varchar", byHash.keySet().toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1).trim(), new Object[]{rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9)});
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into youth (name, id_number_enc, id_number_hash, birth_date, sex, region_code, education, school,
                                       major, graduation_date, current_status, internship_intention, training_intention,
                                       source, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ROSTER', ?, ?)""");
                 PreparedStatement update = c.prepareStatement("""
                    update youth set name = ?, school = ?, major = ?, education = ?, graduation_date = ?, current_status = ?,
                                     internship_intention = ?, training_intention = ?, updated_at = ?
                    where id_number_hash = ?""")) {
                for (RosterRow r : pending) {
                    String hash = cipher.lookupHash(r.idNumber());
                    Object[] now = {r.name(), r.school(), r.major(), r.education(), r.graduationDate(), r.status(),
                            r.internshipIntention(), r.trainingIntention()};
                    Object[] old = existing.get(hash);
                    if (old == null) {
                        String prefix = r.idNumber().substring(0, 6);
                        insert.setString(1, r.name());
                        insert.setString(2, cipher.encrypt(r.idNumber()));
                        insert.setString(3, hash);
                        insert.setDate(4, Date.valueOf(cq.jianxi.common.validation.ResidentId.birthDate(r.idNumber())));
                        insert.setString(5, cq.jianxi.common.validation.ResidentId.sex(r.idNumber()));
                        insert.setString(6, regions.contains(prefix) ? prefix : null);
                        insert.setString(7, r.education());
                        insert.setString(8, r.school());
                        insert.setString(9, r.major());
                        insert.setDate(10, Date.valueOf(r.graduationDate()));
                        insert.setString(11, r.status());
                        insert.setBoolean(12, r.internshipIntention());
                        insert.setBoolean(13, r.trainingIntention());
                        insert.setTimestamp(14, Timestamp.from(clock.instant()));
                        insert.setTimestamp(15, Timestamp.from(clock.instant()));
                        insert.addBatch();
                        existing.put(hash, now);
                        created++;
                    } else if (java.util.Arrays.equals(old, now)) {
                        unchanged++;
                    } else {
                        update.setString(1, r.name());
                        update.setString(2, r.school());
                        update.setString(3, r.major());
                        update.setString(4, r.education());
                        update.setDate(5, Date.valueOf(r.graduationDate()));
                        update.setString(6, r.status());
                        update.setBoolean(7, r.internshipIntention());
                        update.setBoolean(8, r.trainingIntention());
                        update.setTimestamp(9, Timestamp.from(clock.instant()));
                        update.setString(10, hash);
                        update.addBatch();
                        existing.put(hash, now);
                        updated++;
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            pending.clear();
        }
    }

    /** Market regulation's operating status: credit code, status, date. */
    static final class StatusRow {
        static final List<String> COLUMNS = List.of("credit_code", "status");
        static final Map<String, String> HEADERS = Map.of("统一社会信用代码", "credit_code", "credit_code", "credit_code",
                "经营状态", "status", "登记状态", "status", "status", "status", "日期", "date", "变更日期", "date", "date", "date");
        static final Map<String, String> STATUS = Map.of("存续", "EXISTING", "在业", "OPERATING", "吊销", "REVOKED",
                "注销", "DEREGISTERED", "迁出", "MOVED_OUT");
    }

    private final class StatusProcessor extends Processor {
        StatusProcessor(Connection c, long batchId, Map<String, Integer> columns) {
            super(c, batchId, columns);
        }

        @Override
        void row(int number, List<String> cells) throws SQLException {
            total++;
            String code = CreditCode.normalize(cell(cells, "credit_code"));
            String text = cell(cells, "status");
            String status = StatusRow.STATUS.getOrDefault(text,
                    StatusRow.STATUS.containsValue(text.toUpperCase(Locale.ROOT)) ? text.toUpperCase(Locale.ROOT) : null);
            LocalDate date = columns.containsKey("date") && !cell(cells, "date").isEmpty() ? RosterRow.date(cell(cells, "date")) : null;
            String codeProblem = CreditCode.problem(code);
            if (codeProblem != null || status == null || (columns.containsKey("date") && !cell(cells, "date").isEmpty() && date == null)) {
                if (codeProblem != null) {
                    problems.add(new RosterRow.Problem(number, "credit_code", codeProblem));
                }
                if (status == null) {
                    problems.add(new RosterRow.Problem(number, "status", "无法识别的经营状态“" + text + "”"));
                }
                if (date == null && columns.containsKey("date") && !cell(cells, "date").isEmpty()) {
                    problems.add(new RosterRow.Problem(number, "date", "无法识别的日期"));
                }
                errors++;
                return;
            }
            try (PreparedStatement st = c.prepareStatement("select operating_status from employer where credit_code = ?")) {
                st.setString(1, code);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        problems.add(new RosterRow.Problem(number, "credit_code", "平台中没有该用人单位"));
                        errors++;
                        return;
                    }
                    if (status.equals(rs.getString(1))) {
                        unchanged++;
                        return;
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "update employer set operating_status = ?, status_changed_at = ? where credit_code = ?")) {
                st.setString(1, status);
                st.setTimestamp(2, Timestamp.from(date == null ? clock.instant() : date.atStartOfDay(CHONGQING).toInstant()));
                st.setString(3, code);
                st.executeUpdate();
                updated++;
            }
            if (total % CHUNK == 0) {
                flush();
            }
        }

        @Override
        void flushRows() {
            // updates are written as they come
        }

        private String cell(List<String> cells, String column) {
            Integer i = columns.get(column);
            return i == null || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).trim();
        }
    }

    private long insertBatch(Connection c, String kind, String fileName, String sha, Caller caller, String status,
                                    String failure) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into import_batch (kind, file_name, file_sha256, source, uploaded_by, status, failure, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")) {
            st.setString(1, kind);
            st.setString(2, fileName == null || fileName.isBlank() ? "upload" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
            st.setString(3, sha);
            st.setString(4, caller.departmentCode() != null ? caller.departmentCode() : caller.role().name());
            st.setString(5, caller.username());
            st.setString(6, status);
            st.setString(7, failure);
            st.setTimestamp(8, Timestamp.from(clock.instant()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void audit(Connection c, Caller caller, AuditAction action, long batchId, String detail) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into audit_event (actor_user_id, actor_username, actor_role, action, target_type, target_id, detail, ip, at)
                values (?, ?, ?, ?, 'import_batch', ?, ?, ?, ?)""")) {
            st.setObject(1, caller.userId());
            st.setString(2, caller.username());
            st.setString(3, caller.role().name());
            st.setString(4, action.name());
            st.setString(5, String.valueOf(batchId));
            st.setString(6, detail);
            st.setString(7, caller.ip());
            st.setTimestamp(8, Timestamp.from(clock.instant()));
            st.executeUpdate();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the streaming reader after the header. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
