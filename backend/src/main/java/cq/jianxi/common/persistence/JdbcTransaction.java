package cq.jianxi.common.persistence;

import java.sql.Connection;

/**
 * The open JDBC transaction of a long-running import, handed through other contexts' services to their
 * repositories so their writes commit or roll back with it; only repositories open it.
 */
public record JdbcTransaction(Connection connection) {
}
