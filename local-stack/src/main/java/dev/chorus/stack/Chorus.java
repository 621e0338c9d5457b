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
        if (!arguments.isEmpty() && arguments.get(0).equals("status")) {
            Path root = Path.of(System.getProperty("chorus.root", ".")).toAbsolutePath().normalize();
            System.exit(status(LocalStack.statusFile(root.resolve(".chorus"))));
        }
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            System.err.println("usage: ./chorus up [--fresh] | ./chorus status | ./chorus token --role ROLE [--creator ID] [--subject ID]");
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
        say("A component that dies or hangs is restarted; ./chorus status shows each one. Ctrl-C stops everything.");
        stopped.await();
    }

    /**
     * {@code ./chorus status}: each component's state as the running {@code ./chorus up} last wrote it. Exit code 0
     * when everything runs, 1 when something does not, 3 when the stack is not running.
     */
    static int status(Path file) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            say("the stack is not running (no " + file + ")");
            return 3;
        }
        String[] head = lines.isEmpty() ? new String[0] : lines.get(0).split("\t");
        boolean running = head.length >= 2 && ProcessHandle.of(Long.parseLong(head[1])).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().arguments()).filter(a -> List.of(a).contains("up")).isPresent();
        if (!running) {
            say("the stack is not running" + (head.length >= 3 ? " (last seen " + head[2] + ")" : ""));
            return 3;
        }
        System.out.printf("%-16s %-14s %8s %8s  %-20s %s%n", "component", "state", "restarts", "pid", "since", "");
        boolean allRunning = true;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length < 6) {
                continue;
            }
            allRunning &= f[1].equals("RUNNING");
            System.out.printf("%-16s %-14s %8s %8s  %-20s %s%n", f[0], f[1], f[2], f[3], f[4], f[5]);
        }
        return allRunning ? 0 : 1;
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
        if (e.logSinceStart() != null) {
            say("what it wrote to " + e.log() + " since it was started:");
            System.out.println(e.logSinceStart().indent(4));
        } else if (e.log() != null) {
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
