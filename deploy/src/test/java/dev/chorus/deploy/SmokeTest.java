package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Starts the real services and gateway with exactly the environment the dev overlay's Deployments give them, in a
 * private network namespace whose /etc/hosts maps each Service name to its own loopback address (unshare -mn;
 * needs root or user namespaces), and runs a federated query through the gateway by its Service name. What this
 * does not prove: see README "Deploying".
 */
class SmokeTest {
    @Test
    void theDevOverlaysEnvironmentRunsTheGraph() throws Exception {
        Path work = Kubectl.DEPLOY.resolve("target/smoke");
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Path rendered = work.resolve("dev.yaml");
        Files.writeString(rendered, OverlayTest.render("dev"));
        Path hosts = work.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n" + SmokeInside.ADDRESSES.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining("\n")) + "\n");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String inside = String.join(" ", List.of(java, "-cp", "'" + System.getProperty("java.class.path") + "'",
                SmokeInside.class.getName(), "'" + Kubectl.ROOT + "'", "'" + work + "'", "'" + rendered + "'"));
        // as root: new mount and network namespaces; otherwise in a user namespace of our own as well (-r)
        String namespaces = "root".equals(System.getProperty("user.name")) ? "-mn" : "-rmn";
        Process process = new ProcessBuilder("unshare", namespaces, "sh", "-c",
                "ip link set lo up && mount --bind '" + hosts + "' /etc/hosts && exec " + inside)
                .redirectErrorStream(true).redirectOutput(work.resolve("smoke.log").toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(work.resolve("smoke.log"));
        assertTrue(finished, "the smoke test did not finish in 5 minutes:\n" + log);
        assertEquals(0, process.exitValue(), () -> "the smoke test failed (unshare needs root or user namespaces):\n"
                + log);
        assertTrue(log.contains("SMOKE OK"), log);
    }
}
