package dev.chorus.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** {@code ./chorus up [--fresh]}: runs the whole system in the foreground until Ctrl-C. */
public final class Chorus {
    private Chorus() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("token")) {
            token(arguments.subList(1, arguments.size()));
            return;
        }
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            System.err.println("usage: ./chorus up [--fresh] | ./chorus token --role ROLE [--creator ID] [--subject ID]");
            System.exit(2);
        }
        boolean fresh = arguments.contains("--fresh");
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = LocalStack.prepare(LocalStack.Settings.defaults(root, fresh), Chorus::say);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C, also during the start: stop whatever runs
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("stopping...");
            stack.close();
            say("stopped.");
            stopped.countDown();
        }));
        try {
            stack.start();
        } catch (StackException e) {
            fail(e);
            return;
        }
        say("ready:");
        say("  GraphQL (and GraphiQL in a browser)  " + stack.gatewayUrl());
        for (LocalStack.Service service : LocalStack.SERVICES) {
            say("  " + service.name() + "  " + stack.serviceUrl(service.name()));
        }
        say("  logs  " + stack.logs());
        say("Ctrl-C stops everything.");
        while (stopped.getCount() > 0) {
            String dead = stack.deadComponent();
            if (dead != null) {
                fail(new StackException(dead, "stopped unexpectedly", stack.logs().resolve(dead + ".log")));
            }
            Thread.sleep(1000);
        }
    }

    /** Prints a bearer token signed with the local stack's key: {@code --role R [--creator ID] [--subject ID]}. */
    private static void token(List<String> options) {
        String role = null;
        String creator = null;
        String subject = null;
        for (int i = 0; i + 1 < options.size(); i += 2) {
            switch (options.get(i)) {
                case "--role" -> role = options.get(i + 1);
                case "--creator" -> creator = options.get(i + 1);
                case "--subject" -> subject = options.get(i + 1);
                default -> {
                    System.err.println("unknown option " + options.get(i));
                    System.exit(2);
                }
            }
        }
        if (role == null || options.size() % 2 != 0) {
            System.err.println("usage: ./chorus token --role " + String.join("|", LocalKeys.ROLES)
                    + " [--creator ID] [--subject ID]");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
        try {
            System.out.println(LocalKeys.token(root.resolve(".chorus"), role,
                    subject != null ? subject : creator != null ? creator : role + "-" + java.util.UUID.randomUUID(),
                    creator, java.time.Duration.ofHours(12)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void fail(StackException e) {
        say("FAILED: " + e.getMessage());
        if (e.log() != null) {
            say("last lines of " + e.log() + ":");
            System.out.println(ChildProcess.tail(e.log(), 30).indent(4));
        }
        System.exit(1); // runs the shutdown hook, which stops the rest
    }

    static void say(String line) {
        System.out.println("\u001b[1m[chorus]\u001b[0m " + line);
        System.out.flush();
    }
}
