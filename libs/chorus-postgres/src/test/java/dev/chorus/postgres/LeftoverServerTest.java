package dev.chorus.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverServerTest {

    @Test
    void aStalePidFileNamingAnotherProcessStopsNothingAndIsRemoved(@TempDir Path data) throws Exception {
        Process unrelated = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");
            EmbeddedPostgresServer.stopLeftoverServer(data);
            assertTrue(unrelated.isAlive(), "a process that is not this directory's PostgreSQL is left alone");
            assertFalse(Files.exists(data.resolve("postmaster.pid")), "the stale file is removed");
        } finally {
            unrelated.destroyForcibly();
        }
    }

    @Test
    void aServerLeftRunningOnTheDirectoryIsRecognisedAndStopped(@TempDir Path data) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.resolve("db"), 0, true, false, false);
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("db").resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            assertTrue(EmbeddedPostgresServer.isServerOf(postmaster, data.resolve("db")));
            assertFalse(EmbeddedPostgresServer.isServerOf(postmaster, data.resolve("other")));
            // as after a SIGKILL of the JVM that started it: the server runs on, and a new start stops it first
            EmbeddedPostgresServer.stopLeftoverServer(data.resolve("db"));
            assertFalse(postmaster.isAlive(), "the leftover server stopped");
        } finally {
            try {
                server.close();
            } catch (RuntimeException e) {
                // already stopped above
            }
        }
    }
}
