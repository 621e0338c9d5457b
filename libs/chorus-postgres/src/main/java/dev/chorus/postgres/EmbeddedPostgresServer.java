package dev.chorus.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the zonky binaries on Maven Central: no Docker, no installation. Used by
 * the tests (throw-away, fast and unsafe) and by the local stack (kept on disk, durable).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final long pid;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.pid = postmasterPid(dataDirectory);
        stopWhenThisProcessDies();
    }

    /**
     * Starts a server on {@code dataDirectory}.
     *
     * @param port 0 for any free port ({@link FreePorts})
     * @param keepData keep the data directory between starts (local stack) or wipe it (tests)
     * @param durable fsync and synchronous commit on; zonky turns both off, which is fine only for tests
     * @param statementStatistics preload pg_stat_statements, which the tests use to count SQL statements
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean keepData, boolean durable,
            boolean statementStatistics) {
        return start(dataDirectory, port, keepData, durable, statementStatistics, java.util.Map.of());
    }

    /** The same, with more server settings (e.g. {@code listen_addresses}). */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean keepData, boolean durable,
            boolean statementStatistics, java.util.Map<String, String> serverConfig) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(!keepData)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off");
        builder.setPort(port > 0 ? port : FreePorts.pick());
        serverConfig.forEach(builder::setServerConfig);
        if (statementStatistics) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        try {
            return new EmbeddedPostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * After a SIGKILL of its JVM a server keeps running on its data directory, and a new one could not start
     * there: stops it (SIGINT, PostgreSQL's fast shutdown; SIGTERM would wait for its clients) before starting
     * anew. Only a process that is verifiably PostgreSQL on this data directory is stopped: after a reboot the PID
     * of a stale {@code postmaster.pid} may belong to anything, and then only the stale file is removed.
     */
    public static void stopLeftoverServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!java.nio.file.Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
            java.util.Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(process -> isServerOf(process, dataDirectory));
            if (leftover.isPresent()) {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
                kill.waitFor();
                for (int i = 0; i < 100 && leftover.get().isAlive(); i++) {
                    Thread.sleep(100);
                }
                if (leftover.get().isAlive()) {
                    leftover.get().destroyForcibly(); // crash recovery keeps the data on the next start
                }
            }
            java.nio.file.Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("Could not stop the PostgreSQL left running on " + dataDirectory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the process is a PostgreSQL server ({@code postgres -D <dir> …}) on this data directory. */
    static boolean isServerOf(ProcessHandle process, Path dataDirectory) {
        java.util.Optional<String> command = process.info().command();
        java.util.Optional<String[]> arguments = process.info().arguments();
        if (command.isEmpty() || arguments.isEmpty()
                || !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            return false;
        }
        String[] args = arguments.get();
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("-D") && Path.of(args[i + 1]).toAbsolutePath().normalize().toString().equals(directory)) {
                return true;
            }
        }
        return false;
    }

    /** The postmaster's process id, or -1 when it could not be read. */
    public long pid() {
        return pid;
    }

    /** Whether the server is still running (it may have been killed, or have crashed). */
    public boolean isRunning() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isServerOf(p, dataDirectory)).isPresent();
    }

    /** Kills the server at once (SIGKILL): for a server that no longer answers. Crash recovery keeps the data. */
    public void kill() {
        ProcessHandle.of(pid).filter(p -> isServerOf(p, dataDirectory)).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(java.nio.file.Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * PostgreSQL leaves the process group of whoever starts it ({@code pg_ctl} calls {@code setsid}), so a Ctrl-C or
     * a {@code kill} of the group, or a SIGKILL of this JVM, would leave it running. A small shell loop in a session
     * of its own ({@code setsid}, or perl's {@code setpgrp} where there is no setsid, as on macOS) watches this JVM
     * and stops the server (SIGINT, the fast shutdown) once the JVM is gone; it ends by itself when the server does.
     */
    private void stopWhenThisProcessDies() {
        if (pid <= 0) {
            return;
        }
        String loop = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null && kill -0 " + pid
                + " 2>/dev/null; do sleep 1; done; kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null || kill -INT "
                + pid + " 2>/dev/null";
        java.util.List<String> command = onPath("setsid") ? java.util.List.of("setsid", "sh", "-c", loop)
                : onPath("perl") ? java.util.List.of("perl", "-e", "setpgrp(0,0); exec @ARGV or die", "sh", "-c", loop)
                : null;
        if (command == null) {
            return; // the next start stops it (stopLeftoverServer)
        }
        try {
            new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // no guardian: the next start stops a leftover server safely (stopLeftoverServer)
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists. */
    public void createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
