package dev.chorus.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program of the stack (a service, the gateway), its log file and its readiness URL. */
final class ChildProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    final Path log;
    private final URI readiness;
    private Process process;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory, Path log,
            URI readiness) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.readiness = readiness;
    }

    void start() {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StackException(name, "could not start " + command.get(0) + ": " + e.getMessage(), log);
        }
    }

    /** Waits until the readiness URL answers 200; fails when the process exits or time runs out. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (current == null) {
                throw new StackException(name, "stopped while starting", log);
            }
            if (!current.isAlive()) {
                throw new StackException(name, "exited during start (exit code " + current.exitValue() + ")", log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException(name, "interrupted while starting", log);
            }
            sleep(300);
        }
        throw new StackException(name, "not ready after " + timeout.toSeconds() + " s", log);
    }

    /** The process and its descendants, while it runs. */
    List<ProcessHandle> handles() {
        Process current = process;
        if (current == null) {
            return List.of();
        }
        List<ProcessHandle> all = new java.util.ArrayList<>();
        all.add(current.toHandle());
        current.descendants().forEach(all::add);
        return all;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, then SIGKILL after ten seconds; waits until the process (and its children) are gone. */
    void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    /** The last lines of the log, to show with a failure. */
    static String tail(Path log, int lines) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
