package dev.chorus.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

        EmbeddedPostgresServer.stopLeftoverServer(dataDirectory);
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

}
