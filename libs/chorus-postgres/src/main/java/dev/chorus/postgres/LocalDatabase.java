package dev.chorus.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's database server: {@code LocalDatabase <data-directory> <port> <database>...}. Keeps its data
 * (durably) across restarts, creates the databases it is given, and runs until it gets SIGTERM or Ctrl-C.
 */
public final class LocalDatabase {
    private LocalDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: LocalDatabase <data-directory> <port> <database>...");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        List<String> databases = Arrays.asList(args).subList(2, args.length);

        stopLeftoverServer(dataDirectory);
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, port, true, true, false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        databases.forEach(server::createDatabase);
        System.out.println("PostgreSQL ready on port " + server.port() + " with databases " + databases);
        stopped.await();
    }

    /** After a SIGKILL of its JVM a server keeps running on the data directory; stop it before starting anew. */
    private static void stopLeftoverServer(Path dataDirectory) throws IOException, InterruptedException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid);
        if (leftover.isPresent()) {
            System.out.println("Stopping leftover PostgreSQL (pid " + pid + ") on " + dataDirectory);
            leftover.get().destroy();
            for (int i = 0; i < 100 && leftover.get().isAlive(); i++) {
                Thread.sleep(100);
            }
        }
        Files.deleteIfExists(pidFile);
    }
}
