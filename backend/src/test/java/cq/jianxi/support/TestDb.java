package cq.jianxi.support;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC access for arranging and checking state that the API does not expose. */
public final class TestDb {

    public static volatile String jdbcUrl;

    private TestDb() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates a city admin account with its own name, so lockout tests do not lock shared accounts. Like
     * every staff account it binds an authenticator at its first login ({@link Api#login} does that).
     */
    public static void createCityAdmin(String username, String password) {
        update("insert into user_account (username, password_hash, display_name, role, created_at) values (?, ?, ?, 'CITY_ADMIN', now())",
                username, BcryptUtil.bcryptHash(password), username);
    }

    /**
     * Creates a scoped staff account (another district's admin, another department's user); it binds an
     * authenticator at its first login through {@link Api#login}.
     */
    public static void createUser(String username, String password, String role, String region, String department) {
        update("insert into user_account (username, password_hash, display_name, role, region_code, department_code, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, now()) on conflict (username) do nothing",
                username, BcryptUtil.bcryptHash(password), username, role, region, department);
    }

    public static String text(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static java.util.List<String> texts(String sql, Object... params) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                java.util.List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
