package dev.chorus.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL leaves its starter's process group; when the JVM that started it is killed (SIGKILL, or a kill of the
 * whole process group, which reaches every process of the group but not the server), the server stops too.
 */
class GuardianTest {

    @Test
    void aServerStopsWhenTheJvmThatStartedItIsKilled(@TempDir Path data) throws Exception {
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerHolder.class.getName(), data.resolve("db").toString()))
                .redirectErrorStream(true).start();
        ProcessHandle postmaster = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("pid ")) {
                    postmaster = ProcessHandle.of(Long.parseLong(line.substring(4).trim())).orElseThrow();
                    break;
                }
            }
            assertTrue(postmaster != null && postmaster.isAlive(), "the holder started a server");
            assertTrue(EmbeddedPostgresServer.isServerOf(postmaster, data.resolve("db")));
            holder.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            for (int i = 0; i < 100 && postmaster.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertFalse(postmaster.isAlive(), "the server stopped within 10 s of its JVM's death");
        } finally {
            holder.destroyForcibly();
            if (postmaster != null) {
                postmaster.destroyForcibly();
            }
        }
    }
}
