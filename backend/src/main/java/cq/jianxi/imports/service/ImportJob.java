package cq.jianxi.imports.service;

import cq.jianxi.common.persistence.JdbcTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The rows of one running import applied in its transaction, with the batch's counts. */
abstract class ImportJob {

    static final int CHUNK = 1000;

    final JdbcTransaction tx;
    int total;
    int created;
    int updated;
    int unchanged;
    int errors;
    final List<RowProblem> problems = new ArrayList<>();

    ImportJob(JdbcTransaction tx) {
        this.tx = tx;
    }

    /** Checks and applies, or queues, one non-blank data row. */
    abstract void row(int number, List<String> cells) throws SQLException;

    /** Whether enough has queued up to write a chunk now. */
    abstract boolean due();

    /** Writes what is queued. */
    abstract void flushRows() throws SQLException;

    /** Makes a job in an import's transaction. */
    @FunctionalInterface
    interface Factory {
        ImportJob on(JdbcTransaction tx) throws SQLException;
    }
}
