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
        if (arguments.isEmpty() || !arguments.get(0).equals("up")) {
            System.err.println("usage: ./chorus up [--fresh]");
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
