package cq.jianxi.organization.service;

import cq.jianxi.organization.repository.EmployerStatusJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cq.jianxi.common.persistence.JdbcTransaction;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Applies market regulation's operating status (经营状态) to an employer; a revoked or deregistered
 * employer's base can no longer publish. Blocking; it writes on the importing transaction's connection.
 */
@ApplicationScoped
public class OperatingStatuses {

    /** What applying a status did. */
    public enum Outcome { UNKNOWN_EMPLOYER, UNCHANGED, UPDATED }

    @Inject
    EmployerStatusJdbc jdbc;

    public Outcome apply(JdbcTransaction transaction, String creditCode, String status, Instant changedAt) throws SQLException {
        String current = jdbc.statusOf(transaction, creditCode);
        if (current == null) {
            return Outcome.UNKNOWN_EMPLOYER;
        }
        if (status.equals(current)) {
            return Outcome.UNCHANGED;
        }
        jdbc.setStatus(transaction, creditCode, status, changedAt);
        return Outcome.UPDATED;
    }
}
