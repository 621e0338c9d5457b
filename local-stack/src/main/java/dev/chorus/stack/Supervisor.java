package dev.chorus.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the stack running as a process manager does. Each component (a database, a service, the gateway) is
 * watched on a thread of its own: whether its process lives every {@link Policy#interval}, its liveness probe every
 * {@link Policy#probeEvery} (a probe costs the component some work; an idle stack should stay idle). A component
 * that dies, or stops answering its probe for {@link Policy#hangLimit}, is restarted after a backoff (1 s, 2 s, 4 s… at most {@link Policy#maxBackoff}) while
 * the others keep running; after {@link Policy#maxRestarts} restarts without {@link Policy#stableAfter} of good
 * running in between, it is given up, named with the end of its own log since that start, and the rest stays up.
 * A stop that was asked for (Ctrl-C, {@link #stop}) is never reported as a failure. The state of every component
 * is written to {@code status.tsv} for {@code ./chorus status}.
 */
final class Supervisor implements AutoCloseable {
    enum State { RUNNING, NOT_ANSWERING, RESTARTING, STOPPED, GAVE_UP }

    /** What the supervisor needs of a component. */
    interface Component {
        String name();

        /** Starts it and waits until it is ready; throws a {@link StackException} when it cannot. */
        void start();

        /** Stops it gently (a requested stop). */
        void stop();

        /** Kills it at once (it no longer answers). */
        void kill();

        boolean alive();

        /** Its liveness probe: answers within a couple of seconds. */
        boolean answers();

        /** Its process id, or -1. */
        long pid();

        /** How it ended ("exit code 137"), when it is not alive. */
        String ending();

        /** The end of its own log since its last start, or null when it has none. */
        String crashLog();
    }

    record Policy(int maxRestarts, Duration firstBackoff, Duration maxBackoff, Duration hangLimit, Duration stableAfter,
            Duration interval, Duration probeEvery) {
        static Policy defaults() {
            return new Policy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(5));
        }
    }

    private final Policy policy;
    private final Path statusFile;
    private final Consumer<String> say;
    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private volatile boolean closed;

    Supervisor(List<Component> components, Policy policy, Path statusFile, Consumer<String> say) {
        this.policy = policy;
        this.statusFile = statusFile;
        this.say = say;
        for (Component component : components) {
            watches.put(component.name(), new Watch(component));
        }
    }

    /** Starts watching every component (all running). */
    void watch() {
        for (Watch watch : watches.values()) {
            Thread thread = new Thread(watch::run, "watch " + watch.component.name());
            thread.setDaemon(true);
            thread.start();
        }
        writeStatus();
    }

    /** A requested stop: the component stays down, and nobody is told it failed. */
    void stop(String name) {
        watch(name).stopAsked();
    }

    /** Starts a stopped component again (waits until it is ready) and watches it again. */
    void start(String name) {
        watch(name).startAsked();
    }

    /** Puts a new component (the gateway with other settings) in place of the stopped one of its name, and starts it. */
    void replace(Component component) {
        Watch watch = watch(component.name());
        synchronized (watch) {
            watch.component = component;
            watch.startAsked();
        }
    }

    State state(String name) {
        return watch(name).state;
    }

    int restarts(String name) {
        return watch(name).restarts;
    }

    private Watch watch(String name) {
        Watch watch = watches.get(name);
        if (watch == null) {
            throw new IllegalArgumentException("no component " + name);
        }
        return watch;
    }

    /** From now on nothing is restarted and nothing is reported: the stack is being stopped. */
    @Override
    public void close() {
        closed = true;
        for (Watch watch : watches.values()) {
            synchronized (watch) {
                watch.wanted = false;
                watch.state = State.STOPPED;
            }
        }
        writeStatus();
    }

    private final class Watch {
        volatile Component component;
        volatile State state = State.RUNNING;
        volatile int restarts;
        volatile boolean wanted = true;
        volatile String detail = "";
        volatile Instant since = Instant.now();
        private int attempts;
        private Instant silentSince;
        private Instant probedAt = Instant.EPOCH;

        Watch(Component component) {
            this.component = component;
        }

        void run() {
            while (!closed) {
                sleep(policy.interval());
                String failure = null;
                synchronized (this) {
                    if (closed || !wanted || state != State.RUNNING && state != State.NOT_ANSWERING) {
                        continue;
                    }
                    if (!component.alive()) {
                        failure = "stopped unexpectedly (" + component.ending() + ")";
                    }
                }
                if (failure == null && Duration.between(probedAt, Instant.now()).compareTo(policy.probeEvery()) >= 0) {
                    probedAt = Instant.now();
                    failure = probe();
                }
                if (failure != null) {
                    recover(failure);
                }
            }
        }

        /** Null while it answers; a failure once it has not answered for the hang limit (then it is killed). */
        private String probe() {
            boolean answers = component.answers();
            synchronized (this) {
                if (closed || !wanted) {
                    return null;
                }
                if (answers) {
                    silentSince = null;
                    if (state == State.NOT_ANSWERING) {
                        set(State.RUNNING, "");
                    }
                    if (attempts > 0 && Duration.between(since, Instant.now()).compareTo(policy.stableAfter()) >= 0) {
                        attempts = 0; // it has run well for a while: a later crash starts the count again
                    }
                    return null;
                }
                if (silentSince == null) {
                    silentSince = Instant.now();
                }
                Duration silent = Duration.between(silentSince, Instant.now());
                if (silent.compareTo(policy.hangLimit()) < 0) {
                    if (state != State.NOT_ANSWERING) {
                        set(State.NOT_ANSWERING, "no answer to its liveness probe");
                    }
                    return null;
                }
                silentSince = null;
                component.kill();
                return "did not answer for " + silent.toSeconds() + " s and was killed";
            }
        }

        /** Restarts the component with backoff until it runs, is given up, or a stop is asked. */
        private void recover(String failure) {
            // Ctrl-C reaches the children first (one process group): give the shutdown hook time to say so
            sleep(Duration.ofMillis(700));
            String log = component.crashLog();
            while (true) {
                Duration backoff;
                synchronized (this) {
                    if (closed || !wanted) {
                        return;
                    }
                    attempts++;
                    if (attempts > policy.maxRestarts()) {
                        set(State.GAVE_UP, failure);
                        wanted = false;
                        say.accept(component.name() + " " + failure + "; given up after " + policy.maxRestarts()
                                + " restarts. The rest keeps running. Its log since its last start:"
                                + indented(log));
                        return;
                    }
                    long factor = 1L << Math.min(attempts - 1, 20);
                    backoff = policy.firstBackoff().multipliedBy(factor);
                    if (backoff.compareTo(policy.maxBackoff()) > 0) {
                        backoff = policy.maxBackoff();
                    }
                    set(State.RESTARTING, failure);
                    say.accept(component.name() + " " + failure + "; restarting in " + backoff.toSeconds() + " s (restart "
                            + attempts + " of at most " + policy.maxRestarts() + ")"
                            + (attempts == 1 ? ". Its log since its last start:" + indented(log) : ""));
                }
                sleep(backoff);
                synchronized (this) {
                    if (closed || !wanted) {
                        return;
                    }
                    try {
                        component.start();
                        restarts++;
                        silentSince = null;
                        set(State.RUNNING, "");
                        say.accept(component.name() + " is running again (restart " + restarts + ")");
                        return;
                    } catch (StackException e) {
                        failure = "did not start again: " + e.getMessage();
                        log = component.crashLog();
                    }
                }
            }
        }

        synchronized void stopAsked() {
            wanted = false;
            component.stop();
            set(State.STOPPED, "stopped on request");
        }

        synchronized void startAsked() {
            component.start();
            wanted = true;
            attempts = 0;
            silentSince = null;
            set(State.RUNNING, "");
        }

        private void set(State next, String why) {
            state = next;
            detail = why;
            since = Instant.now();
            writeStatus();
        }
    }

    private static String indented(String log) {
        if (log == null || log.isBlank()) {
            return " (nothing)";
        }
        return System.lineSeparator() + log.strip().indent(4).stripTrailing();
    }

    /**
     * {@code status.tsv}: a first line {@code supervisor <pid> <time>}, then per component its name, state,
     * restarts, process id, since when, and why. Written whole to a temporary file and moved into place.
     */
    private synchronized void writeStatus() {
        StringBuilder text = new StringBuilder("supervisor\t" + ProcessHandle.current().pid() + "\t"
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n");
        List<Watch> all = new ArrayList<>(watches.values());
        for (Watch watch : all) {
            long pid = watch.state == State.RUNNING || watch.state == State.NOT_ANSWERING ? watch.component.pid() : -1;
            text.append(watch.component.name()).append('\t').append(watch.state).append('\t').append(watch.restarts)
                    .append('\t').append(pid > 0 ? Long.toString(pid) : "-").append('\t')
                    .append(watch.since.truncatedTo(ChronoUnit.SECONDS)).append('\t')
                    .append(watch.detail.replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        try {
            Files.createDirectories(statusFile.getParent());
            Path temporary = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the status is a convenience; supervision goes on
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
