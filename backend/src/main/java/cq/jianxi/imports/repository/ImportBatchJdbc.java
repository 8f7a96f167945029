package cq.jianxi.imports.repository;

import cq.jianxi.common.persistence.JdbcTransaction;

import cq.jianxi.common.time.AppClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * A running import's bookkeeping over JDBC: its row report and counts inside the import's transaction,
 * progress and failure on connections of their own (the import's writes are invisible until it commits).
 */
@ApplicationScoped
public class ImportBatchJdbc {

    private static final Logger LOG = Logger.getLogger(ImportBatchJdbc.class);

    @Inject
    DataSource dataSource;

    @Inject
    AppClock clock;

    /** One line of the row report. */
    public record RowError(int row, String field, String reason) {
    }

    /** The counts of a finished import. */
    public record Counts(int total, int created, int updated, int unchanged, int errors) {
    }

    public JdbcTransaction transaction() throws SQLException {
        return JdbcTransaction.begin(dataSource.getConnection());
    }

    public void report(JdbcTransaction tx, long batchId, List<RowError> errors) throws SQLException {
        if (errors.isEmpty()) {
            return;
        }
        try (PreparedStatement st = tx.connection().prepareStatement(
                "insert into import_row_error (batch_id, row_no, field, reason) values (?, ?, ?, ?) on conflict do nothing")) {
            for (RowError e : errors) {
                st.setLong(1, batchId);
                st.setInt(2, e.row());
                st.setString(3, e.field());
                st.setString(4, e.reason().length() > 300 ? e.reason().substring(0, 300) : e.reason());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    public void complete(JdbcTransaction tx, long batchId, Counts counts) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("""
                update import_batch set status = 'COMPLETED', total_rows = ?, created_rows = ?, updated_rows = ?,
                       unchanged_rows = ?, error_rows = ?, finished_at = ? where id = ?""")) {
            st.setInt(1, counts.total());
            st.setInt(2, counts.created());
            st.setInt(3, counts.updated());
            st.setInt(4, counts.unchanged());
            st.setInt(5, counts.errors());
            st.setTimestamp(6, Timestamp.from(clock.instant()));
            st.setLong(7, batchId);
            st.executeUpdate();
        }
    }

    public void markFailed(long batchId, String reason) {
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

    public void progress(long batchId, int rows) {
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
}
