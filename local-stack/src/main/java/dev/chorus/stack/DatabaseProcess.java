package dev.chorus.stack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import dev.chorus.postgres.EmbeddedPostgresServer;

/** A service's PostgreSQL in the local stack: its data kept (durably) in a folder, on a fixed port. */
final class DatabaseProcess implements Supervisor.Component {
    private final String name;
    private final Path directory;
    private final int port;
    private final String database;
    private final boolean statementStatistics;
    private volatile EmbeddedPostgresServer server;

    DatabaseProcess(String name, Path directory, int port, String database, boolean statementStatistics) {
        this.name = name;
        this.directory = directory;
        this.port = port;
        this.database = database;
        this.statementStatistics = statementStatistics;
    }

    @Override
    public String name() {
        return name;
    }

    /** Stops a server left running on the folder (verifiably PostgreSQL on it), starts one, creates the database. */
    @Override
    public void start() {
        stop(); // a server that died still holds zonky's lock on the folder in this JVM until it is closed
        try {
            EmbeddedPostgresServer.stopLeftoverServer(directory);
            server = EmbeddedPostgresServer.start(directory, port, true, true, statementStatistics);
            server.createDatabase(database);
        } catch (RuntimeException e) {
            StringBuilder why = new StringBuilder();
            for (Throwable t = e; t != null && why.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
                why.append(why.length() == 0 ? "" : ": ").append(t.getMessage() != null ? t.getMessage() : t.toString());
            }
            throw new StackException(name, why.toString(), null);
        }
    }

    @Override
    public void stop() {
        EmbeddedPostgresServer current = server;
        server = null;
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                current.kill(); // it may have died already; crash recovery keeps the data
            }
        }
    }

    @Override
    public void kill() {
        EmbeddedPostgresServer current = server;
        if (current != null) {
            current.kill();
        }
    }

    @Override
    public boolean alive() {
        EmbeddedPostgresServer current = server;
        return current != null && current.isRunning();
    }

    /** A connection and {@code select 1} within two seconds. */
    @Override
    public boolean answers() {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2&socketTimeout=2&loginTimeout=2";
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public long pid() {
        EmbeddedPostgresServer current = server;
        return current == null ? -1 : current.pid();
    }

    @Override
    public String ending() {
        return "its server process is gone";
    }

    /** PostgreSQL writes to the output of ./chorus up, not to a log of its own. */
    @Override
    public String crashLog() {
        return null;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }
}
