package dev.chorus.postgres;

import java.nio.file.Path;

/** A JVM that starts a server on {@code args[0]}, prints its pid and waits: killed by {@link GuardianTest}. */
public final class ServerHolder {
    private ServerHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0, true, false, false);
        System.out.println("pid " + server.pid());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
