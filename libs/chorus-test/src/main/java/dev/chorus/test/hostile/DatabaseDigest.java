package dev.chorus.test.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A digest of every row of every table of one database (Flyway's history aside): equal digests, equal data. */
public final class DatabaseDigest {
    private DatabaseDigest() {
    }

    public static Supplier<String> of(String jdbcUrl, String user, String password) {
        return () -> {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                    Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                        + "and table_name <> 'flyway_schema_history' order by table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                StringBuilder digest = new StringBuilder();
                for (String table : tables) {
                    try (ResultSet rs = s.executeQuery("select coalesce(md5(string_agg(md5(t::text), '' order by "
                            + "md5(t::text))), '') from \"" + table + "\" t")) {
                        rs.next();
                        digest.append(table).append('=').append(rs.getString(1)).append(';');
                    }
                }
                return digest.toString();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The digests of several databases together. */
    @SafeVarargs
    public static Supplier<String> all(Supplier<String>... databases) {
        return () -> {
            StringBuilder all = new StringBuilder();
            for (Supplier<String> database : databases) {
                all.append(database.get()).append('|');
            }
            return all.toString();
        };
    }
}
