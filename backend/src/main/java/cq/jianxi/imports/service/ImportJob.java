package cq.jianxi.imports.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The rows of one running import applied on its transaction's connection, with the batch's counts. */
abstract class ImportJob {

    static final int CHUNK = 1000;

    final Connection c;
    int total;
    int created;
    int updated;
    int unchanged;
    int errors;
    final List<RowProblem> problems = new ArrayList<>();

    ImportJob(Connection c) {
        this.c = c;
    }

    /** Checks and applies, or queues, one non-blank data row. */
    abstract void row(int number, List<String> cells) throws SQLException;

    /** Whether enough has queued up to write a chunk now. */
    abstract boolean due();

    /** Writes what is queued. */
    abstract void flushRows() throws SQLException;

    /** Makes a job on the connection of an import's transaction. */
    @FunctionalInterface
    interface Factory {
        ImportJob on(Connection c) throws SQLException;
    }
}
