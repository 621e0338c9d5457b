package dev.chorus.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.chorus.test.PostgresTestResource;
import dev.chorus.test.SqlStatementCounter;
import dev.chorus.test.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request whose client goes away stops being worked on: once the connection is closed no resolver starts and no
 * further SQL is sent, and nothing blocks an event-loop thread on the way (a blocking call there throws; the log
 * is watched, so such a failure fails this test instead of only being logged).
 *
 * <p>To hold the request at a known point, the test locks the {@code work} table: the root field's statement
 * waits for the lock; the client closes its connection (or not, for the control case); the lock is released, and
 * the statements of the nested fields (remixes, credits) are counted.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AbandonedRequestTest {
    static final String QUERY = "{ works(first: 20) { edges { node { id title remixes(first: 2) { totalCount "
            + "edges { node { id } } } credits { role } } } } }";

    private final List<LogRecord> problems = new CopyOnWriteArrayList<>();
    private final Handler watcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = String.valueOf(record.getMessage()) + " " + record.getThrown();
            if (record.getLevel().intValue() >= Level.WARNING.intValue() || text.contains("cannot be blocked")) {
                problems.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void watchTheLog() {
        Content.publishedWork("abandoned-test song", "ORIGINAL", null, Content.creator());
        Logger.getLogger("").addHandler(watcher);
    }

    @AfterEach
    void stopWatching() {
        Logger.getLogger("").removeHandler(watcher);
    }

    @Test
    void aRequestWhoseClientLeftSendsNoFurtherSql() throws Exception {
        long[] nested = heldRequest(true);
        assertTrue(problems.isEmpty(), () -> "logged: " + describe(problems));
        assertEquals(0, nested[0], "remixes were read for a client that had gone");
        assertEquals(0, nested[1], "credits were read for a client that had gone");
    }

    /** The control: the same request with its client still there reads the nested fields and answers them. */
    @Test
    void theSameRequestWithItsClientThereIsAnswered() throws Exception {
        long[] nested = heldRequest(false);
        assertTrue(nested[0] > 0, "the remixes statement was not counted: the test would prove nothing");
        assertTrue(nested[1] > 0, "the credits statement was not counted: the test would prove nothing");
        assertTrue(problems.isEmpty(), () -> "logged: " + describe(problems));
    }

    /** The statements about remixes and credits sent after the lock is released: {remixes, credits}. */
    private long[] heldRequest(boolean clientLeaves) throws Exception {
        Config config = ConfigProvider.getConfig();
        int port = config.getValue("quarkus.http.test-port", Integer.class);
        try (SqlStatementCounter sql = SqlStatementCounter.forApplicationDatabase();
                Connection lock = connect(config); Connection observer = connect(config);
                Socket client = new Socket("localhost", port)) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table work in access exclusive mode");
            }
            send(client.getOutputStream(), port);
            awaitWaitingOnLock(observer, true);
            sql.reset();
            if (clientLeaves) {
                client.close();
                Thread.sleep(300); // the service sees the connection closed
            }
            lock.commit();
            String answer = clientLeaves ? null : read(client.getInputStream());
            awaitWaitingOnLock(observer, false);
            Thread.sleep(clientLeaves ? 1500 : 0); // time for any nested field that would still start
            if (!clientLeaves) {
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("\"remixes\":{\"totalCount\":") && !answer.contains("\"errors\""), answer);
            }
            // the remixes query is the one that selects works by their source (every works query names the column)
            return new long[] { sql.countContaining("derived_from_id = any"), sql.countContaining("work_credit") };
        }
    }

    private static Connection connect(Config config) throws SQLException {
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void send(OutputStream out, int port) throws IOException {
        byte[] body = ("{\"query\":\"" + QUERY + "\"}").getBytes(StandardCharsets.UTF_8);
        String head = "POST /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nAuthorization: Bearer " + Tokens.valid("staff-tests", "staff")
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Waits until a statement of the service waits for the test's lock (or, with false, none does). */
    private static void awaitWaitingOnLock(Connection connection, boolean waiting) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
                rs.next();
                boolean now = rs.getLong(1) > 0;
                if (now == waiting) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(waiting ? "the request never reached the database" : "the request still waits");
    }

    private static String describe(List<LogRecord> records) {
        StringBuilder text = new StringBuilder();
        for (LogRecord r : records) {
            text.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ").append(r.getMessage())
                    .append(' ').append(r.getThrown()).append('\n');
        }
        return text.toString();
    }
}
