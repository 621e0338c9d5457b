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

/** A program of the stack (a service, the gateway), its log file, its readiness and liveness URLs. */
final class ChildProcess implements Supervisor.Component {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    final Path log;
    private final URI readiness;
    private final URI liveness;
    private volatile Process process;
    private volatile Process ended;
    private volatile long logStart;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory, Path log,
            URI readiness, URI liveness) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.log = log;
        this.readiness = readiness;
        this.liveness = liveness;
    }

    @Override
    public String name() {
        return name;
    }

    /** The same process description with these settings over its own (not started). */
    ChildProcess with(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(overrides);
        return new ChildProcess(name, command, merged, workingDirectory, log, readiness, liveness);
    }

    /** Another process like this one, with these settings over its own, its own log and health endpoints. */
    ChildProcess copy(String name, Map<String, String> overrides, Path log, URI readiness, URI liveness) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(environment);
        merged.putAll(overrides);
        return new ChildProcess(name, command, merged, workingDirectory, log, readiness, liveness);
    }

    /** Starts it and waits until it is ready. */
    @Override
    public void start() {
        spawn();
        awaitReady(LocalStack.START_TIMEOUT);
    }

    /** Starts the process without waiting; its log from here on is what {@link #crashLog()} shows. */
    void spawn() {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "----- started by chorus at " + java.time.Instant.now() + " -----"
                    + System.lineSeparator(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            logStart = Files.size(log);
        } catch (IOException e) {
            logStart = 0;
        }
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
                throw new StackException(name, "stopped while starting", log, crashLog());
            }
            if (!current.isAlive()) {
                throw new StackException(name, "exited during start (exit code " + current.exitValue() + ")", log, crashLog());
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
        throw new StackException(name, "not ready after " + timeout.toSeconds() + " s", log, crashLog());
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

    @Override
    public boolean alive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    @Override
    public boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(liveness).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public long pid() {
        Process current = process;
        return current == null ? -1 : current.pid();
    }

    @Override
    public String ending() {
        Process last = process != null ? process : ended;
        if (last == null || last.isAlive()) {
            return "running";
        }
        int code = last.exitValue();
        return code > 128 ? "exit code " + code + ", signal " + (code - 128) : "exit code " + code;
    }

    /** The end of its log since it was last started. */
    @Override
    public String crashLog() {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            long size = Files.size(log);
            long from = Math.max(logStart, size - 64 * 1024);
            byte[] bytes;
            try (var channel = Files.newByteChannel(log)) {
                channel.position(from);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.max(0, size - from));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read it all
                }
                bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
            }
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills it and its children at once. */
    @Override
    public void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended = current;
        process = null;
    }

    /** SIGTERM, then SIGKILL after ten seconds; waits until the process (and its children) are gone. */
    @Override
    public void stop() {
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
        ended = process;
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
