package cq.jianxi.audit.service;

import cq.jianxi.audit.domain.ChainRow;
import cq.jianxi.audit.domain.ChainVerifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The same walk as {@link AuditIntegrity} over plain JDBC, for the offline command (make audit-verify)
 * that runs without the application.
 */
public final class AuditChainJdbc {

    private AuditChainJdbc() {
    }

    public static ChainVerifier.Result verify(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            ChainVerifier verifier;
            long after;
            long head;
            try (PreparedStatement st = c.prepareStatement("select anchor_seq, anchor_hash, head_seq, head_hash from audit_chain where id = 1");
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("audit_chain has no row: is the schema migrated (V19)?");
                }
                after = rs.getLong("anchor_seq");
                head = rs.getLong("head_seq");
                verifier = new ChainVerifier(after, rs.getString("anchor_hash"), head, rs.getString("head_hash"));
            }
            try (PreparedStatement st = c.prepareStatement("select " + ChainRow.COLUMNS
                    + " from audit_event where seq > ? and seq <= ? order by seq limit " + AuditIntegrity.PAGE)) {
                int read;
                do {
                    st.setLong(1, after);
                    st.setLong(2, head);
                    read = 0;
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            read++;
                            ChainRow row = row(rs);
                            after = row.seq();
                            if (!verifier.accept(row)) {
                                return verifier.finish();
                            }
                        }
                    }
                } while (read == AuditIntegrity.PAGE);
            }
            return verifier.finish();
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private static ChainRow row(ResultSet rs) throws SQLException {
        long userId = rs.getLong("actor_user_id");
        Long actor = rs.wasNull() ? null : userId;
        return new ChainRow(rs.getLong("seq"), rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), actor,
                rs.getString("actor_username"), rs.getString("actor_role"), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getString("detail"), rs.getString("ip"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
