package cq.jianxi.common.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The open JDBC transaction of a long-running import, handed through other contexts' services to their
 * repositories so their writes commit or roll back with it. Services hold it only as an opaque handle:
 * a repository opens it and reads its {@link #connection()}.
 */
public final class JdbcTransaction implements AutoCloseable {

    private final Connection connection;

    private JdbcTransaction(Connection connection) {
        this.connection = connection;
    }

    /** Starts a transaction on {@code connection}, which the handle closes. */
    public static JdbcTransaction begin(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        return new JdbcTransaction(connection);
    }

    /** The connection, for repositories only. */
    public Connection connection() {
        return connection;
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
