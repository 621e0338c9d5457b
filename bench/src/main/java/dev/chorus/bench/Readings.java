package dev.chorus.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chorus.postgres.EmbeddedPostgresServer;
import dev.chorus.stack.LocalStack;

/**
 * What the benchmark reads besides the load tool's numbers, each from its source: SQL statements from
 * PostgreSQL's own pg_stat_statements, GraphQL requests per service from the services' metrics, CPU time and
 * resident memory of each process (and its children) from /proc.
 */
final class Readings {
    static final List<String> COMPONENTS = List.of("gateway", "creator-service", "content-service", "events-service");
    /** The three PostgreSQL servers together, read beside the components. */
    static final String POSTGRES = "postgres";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final long TICK_MS = 10; // USER_HZ is 100 on Linux

    private final LocalStack stack;

    Readings(LocalStack stack) {
        this.stack = stack;
        for (LocalStack.Service service : LocalStack.SERVICES) {
            sql(service.name(), "create extension if not exists pg_stat_statements");
        }
    }

    /** A snapshot of every counter. */
    record Snapshot(long statements, long subgraphRequests, Map<String, Long> cpuMs) {
        Snapshot minus(Snapshot before) {
            Map<String, Long> cpu = new LinkedHashMap<>();
            cpuMs.forEach((k, v) -> cpu.put(k, v - before.cpuMs.getOrDefault(k, 0L)));
            return new Snapshot(statements - before.statements, subgraphRequests - before.subgraphRequests, cpu);
        }
    }

    Snapshot take() {
        long statements = 0;
        long requests = 0;
        for (LocalStack.Service service : LocalStack.SERVICES) {
            statements += sqlLong(service.name(), "select coalesce(sum(calls), 0)::bigint from pg_stat_statements "
                    + "where query not like '%pg_stat_statements%' and upper(query) not like 'SET %'");
            requests += graphqlRequests(service.name());
        }
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (String component : COMPONENTS) {
            cpu.put(component, stack.processes(component).stream().mapToLong(Readings::cpuMs).sum());
        }
        cpu.put(POSTGRES, stack.databaseServers().stream().mapToLong(Readings::serverCpuMs).sum());
        return new Snapshot(statements, requests, cpu);
    }

    /**
     * A PostgreSQL server's CPU: the postmaster's own, its live backends' and that of the backends it has reaped
     * (cutime/cstime), so that a connection closed between two readings still counts.
     */
    private static long serverCpuMs(ProcessHandle postmaster) {
        long children = postmaster.children().mapToLong(Readings::cpuMs).sum();
        return stat(postmaster, 11) + stat(postmaster, 12) + stat(postmaster, 13) + stat(postmaster, 14) + children;
    }

    /** Resident memory of a component (process and children), in MiB. */
    long rssMiB(String component) {
        return stack.processes(component).stream().mapToLong(Readings::rssKiB).sum() / 1024;
    }

    private long graphqlRequests(String service) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(stack.serviceUrl(service).resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double total = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/graphql\"")) {
                    total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return Math.round(total);
        } catch (IOException e) {
            throw new IllegalStateException("metrics of " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long cpuMs(ProcessHandle process) {
        return stat(process, 11) + stat(process, 12);
    }

    /** A time field of /proc/PID/stat in ms, counted after the command: utime(11) stime(12) cutime(13) cstime(14). */
    private static long stat(ProcessHandle process, int field) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field]) * TICK_MS;
        } catch (IOException e) {
            return 0; // gone
        }
    }

    private static long rssKiB(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private void sql(String service, String statement) {
        try (Connection c = connect(service); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " in the database of " + service, e);
        }
    }

    private long sqlLong(String service, String query) {
        try (Connection c = connect(service); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + " in the database of " + service, e);
        }
    }

    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(stack.databaseUrl(service), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
    }
}
