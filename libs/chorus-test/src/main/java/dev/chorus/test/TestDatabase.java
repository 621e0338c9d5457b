package dev.chorus.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The running application's database, straight over JDBC: for what a test does as another process would. */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** Runs one statement: the first column of the first row of a query, or the rows an update changed. */
    public static long sql(String statement) {
        Config config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
                PreparedStatement s = c.prepareStatement(statement)) {
            if (s.execute()) {
                try (ResultSet rs = s.getResultSet()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return s.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
