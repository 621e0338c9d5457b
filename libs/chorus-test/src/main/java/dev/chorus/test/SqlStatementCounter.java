package dev.chorus.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts the SQL statements the application sent to its database, as PostgreSQL itself saw them
 * (pg_stat_statements; BEGIN and COMMIT count too). Usage: {@link #reset()}, send the request,
 * {@link #count()}. Only the test's own database is counted.
 */
public final class SqlStatementCounter implements AutoCloseable {
    private final Connection connection;

    private SqlStatementCounter(Connection connection) {
        this.connection = connection;
    }

    /** Connects to the database the running Quarkus application uses. */
    public static SqlStatementCounter forApplicationDatabase() {
        Config config = ConfigProvider.getConfig();
        try {
            Connection c = DriverManager.getConnection(
                    config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
            try (Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            return new SqlStatementCounter(c);
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available on the test database "
                    + "(an external CHORUS_TEST_DB_URL server needs shared_preload_libraries=pg_stat_statements)", e);
        }
    }

    // Results are read as plain bigint and the reset's result is never read: asking the JDBC driver for an
    // unusual type (void, numeric) makes it query the catalogue, and those queries would be counted too.
    public void reset() {
        try (Statement s = connection.createStatement()) {
            s.execute("select 1 from (select pg_stat_statements_reset()) r");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every statement, the database's own nested ones included (a trigger's, a foreign-key check's). */
    public long count() {
        return count("");
    }

    /**
     * Only the statements the application sent: a row inserted under a foreign key still costs the database a
     * check, but no round trip.
     */
    public long sent() {
        return count(" and toplevel");
    }

    private long count(String condition) {
        String sql = "select coalesce(sum(calls), 0)::bigint from pg_stat_statements "
                + "where dbid = (select oid from pg_database where datname = current_database()) "
                + "and query not like '%pg_stat_statements%'" + condition;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statements since the last reset whose text contains {@code fragment} (a table or column name, say). */
    public long countContaining(String fragment) {
        String sql = "select coalesce(sum(calls), 0)::bigint from pg_stat_statements "
                + "where dbid = (select oid from pg_database where datname = current_database()) "
                + "and query not like '%pg_stat_statements%' and strpos(query, ?) > 0";
        try (var s = connection.prepareStatement(sql)) {
            s.setString(1, fragment);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
