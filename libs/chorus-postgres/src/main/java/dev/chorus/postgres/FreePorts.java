package dev.chorus.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers the tests, the benchmark and the schema export start (a service, the gateway, a PostgreSQL).
 * Picked below Linux's ephemeral range (32768–60999): a port the system hands out for {@code bind(0)} can become
 * the source port of any outgoing connection between the pick and the server's bind, which once made a service
 * fail its start with "port in use". Each port is handed out once per JVM.
 */
public final class FreePorts {
    private static final int FROM = 20_000;
    private static final int TO = 32_000;
    private static final Set<Integer> GIVEN = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int pick() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (GIVEN.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                GIVEN.add(port);
                return port;
            } catch (IOException taken) {
                // in use: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + FROM + " and " + TO));
    }
}
