package dev.chorus.events.city;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.chorus.postgres.EmbeddedPostgresServer;

/**
 * The migration to cities on a database that already has venues: each venue gets the city its text named, by any
 * seeded name in any case and spacing; a text naming no seeded city becomes a city of its own, once for all its
 * spellings; the text itself is kept.
 */
class CityMigrationTest {
    @Test
    void existingVenuesGetTheirCitiesAndKeepTheirText() throws Exception {
        Path folder = Path.of("target", "embedded-postgres", "migration-" + UUID.randomUUID()).toAbsolutePath();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(folder, 0, false, false, true)) {
            server.createDatabase("migration");
            String url = server.jdbcUrl("migration");
            Flyway before = Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                    .locations("db/migration", "db/common").target("2").load();
            before.migrate();
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("a", "上海");
            typed.put("b", "  shanghai ");
            typed.put("c", "Hong   Kong");
            typed.put("d", "Guilin");
            typed.put("e", "guilin");
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                    Statement s = c.createStatement()) {
                for (var venue : typed.entrySet()) {
                    s.execute("insert into venue (id, name, city, address, max_capacity, created_at) values ("
                            + "gen_random_uuid(), '" + venue.getKey() + "', '" + venue.getValue() + "', 'x', 10, now())");
                }
            }
            Flyway.configure().dataSource(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                    .locations("db/migration", "db/common").load().migrate();

            Map<String, String> cityOf = new LinkedHashMap<>();
            Map<String, String> kept = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select v.name, c.name as city, e.city from venue v "
                            + "join city c on c.id = v.city_id join venue_city_as_entered e on e.venue_id = v.id "
                            + "order by v.name")) {
                while (rs.next()) {
                    cityOf.put(rs.getString(1), rs.getString(2));
                    kept.put(rs.getString(1), rs.getString(3));
                }
            }
            assertEquals(Map.of("a", "Shanghai", "b", "Shanghai", "c", "Hong Kong", "d", "Guilin", "e", "Guilin"), cityOf);
            assertEquals(typed, kept, "the text as typed is kept");
            try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from city where name = 'Guilin'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "one new city for both spellings");
            }
        }
    }
}
