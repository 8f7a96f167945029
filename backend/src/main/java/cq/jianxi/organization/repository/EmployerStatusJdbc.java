package cq.jianxi.organization.repository;

import cq.jianxi.common.persistence.JdbcTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reads and sets an employer's operating status over JDBC, on the connection of a running import. */
@ApplicationScoped
public class EmployerStatusJdbc {

    /** The employer's current status; null when no employer has the credit code, "" when it has none. */
    public String statusOf(JdbcTransaction tx, String creditCode) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement st = c.prepareStatement("select operating_status from employer where credit_code = ?")) {
            st.setString(1, creditCode);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String status = rs.getString(1);
                return status == null ? "" : status;
            }
        }
    }

    public void setStatus(JdbcTransaction tx, String creditCode, String status, Instant changedAt) throws SQLException {
        Connection c = tx.connection();
        try (PreparedStatement st = c.prepareStatement(
                "update employer set operating_status = ?, status_changed_at = ? where credit_code = ?")) {
            st.setString(1, status);
            st.setTimestamp(2, Timestamp.from(changedAt));
            st.setString(3, creditCode);
            st.executeUpdate();
        }
    }
}
