package dev.chorus.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's rules on components that die, hang, keep dying, or are stopped on request (fast clock). */
class SupervisorTest {
    static final Supervisor.Policy FAST = new Supervisor.Policy(2, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofMillis(20), Duration.ofMillis(20));

    /** A component whose process can be made to die, hang, or fail to start. */
    static final class Fake implements Supervisor.Component {
        final String name;
        volatile boolean alive = true;
        volatile boolean answers = true;
        volatile boolean startFails;
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger kills = new AtomicInteger();

        Fake(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            starts.incrementAndGet();
            if (startFails) {
                throw new StackException(name, "exited during start (exit code 1)", null, "boom: port in use");
            }
            alive = true;
            answers = true;
        }

        @Override
        public void stop() {
            alive = false;
        }

        @Override
        public void kill() {
            kills.incrementAndGet();
            alive = false;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public boolean answers() {
            return answers;
        }

        @Override
        public long pid() {
            return 42;
        }

        @Override
        public String ending() {
            return "exit code 137, signal 9";
        }

        @Override
        public String crashLog() {
            return "last words of " + name;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 250 && !condition.getAsBoolean(); i++) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in 5 s");
    }

    @Test
    void aComponentThatDiesIsRestartedAndTheOthersAreLeftAlone(@TempDir Path state) throws Exception {
        Fake service = new Fake("content-service");
        Fake other = new Fake("creator-service");
        List<String> said = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(List.of(service, other), FAST, state.resolve("status.tsv"), said::add)) {
            supervisor.watch();
            service.alive = false;
            await(() -> supervisor.restarts("content-service") == 1 && service.alive);
            assertEquals(Supervisor.State.RUNNING, supervisor.state("content-service"));
            assertEquals(0, other.starts.get(), "the other component was not touched");
            assertTrue(said.get(0).startsWith("content-service stopped unexpectedly (exit code 137, signal 9); "
                    + "restarting in 0 s (restart 1 of at most 2)"), said::toString);
            assertTrue(said.get(0).contains("last words of content-service"), "its own log: " + said);
            String status = Files.readString(state.resolve("status.tsv"));
            assertTrue(status.contains("content-service\tRUNNING\t1\t42\t"), status);
        }
    }

    @Test
    void aComponentThatKeepsFailingIsGivenUpNamedWithItsLogAndTheRestStaysUp(@TempDir Path state) throws Exception {
        Fake service = new Fake("events-service");
        Fake other = new Fake("gateway");
        List<String> said = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(List.of(service, other), FAST, state.resolve("status.tsv"), said::add)) {
            supervisor.watch();
            service.startFails = true;
            service.alive = false;
            await(() -> supervisor.state("events-service") == Supervisor.State.GAVE_UP);
            assertEquals(2, service.starts.get(), "tried the stated number of times");
            String last = said.get(said.size() - 1);
            assertTrue(last.startsWith("events-service did not start again: events-service: exited during start "
                    + "(exit code 1); given up after 2 restarts. The rest keeps running."), last);
            assertTrue(last.contains("last words of events-service"), last);
            Thread.sleep(200);
            assertEquals(2, service.starts.get(), "given up: not tried again");
            assertEquals(Supervisor.State.RUNNING, supervisor.state("gateway"));
            assertTrue(Files.readString(state.resolve("status.tsv")).contains("events-service\tGAVE_UP\t0\t-\t"));
        }
    }

    @Test
    void aComponentThatStopsAnsweringIsKilledAfterTheHangLimitAndRestarted(@TempDir Path state) throws Exception {
        Fake service = new Fake("creator-service");
        List<String> said = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(List.of(service), FAST, state.resolve("status.tsv"), said::add)) {
            supervisor.watch();
            service.answers = false;
            await(() -> supervisor.state("creator-service") == Supervisor.State.NOT_ANSWERING);
            assertEquals(0, service.kills.get(), "not before the hang limit");
            await(() -> supervisor.restarts("creator-service") == 1);
            assertEquals(1, service.kills.get());
            assertTrue(said.get(0).startsWith("creator-service did not answer for ")
                    && said.get(0).contains(" s and was killed; restarting in "), said::toString);
        }
    }

    @Test
    void aRequestedStopIsNeitherRestartedNorReported(@TempDir Path state) throws Exception {
        Fake service = new Fake("content-service");
        List<String> said = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(List.of(service), FAST, state.resolve("status.tsv"), said::add)) {
            supervisor.watch();
            supervisor.stop("content-service");
            Thread.sleep(300);
            assertEquals(Supervisor.State.STOPPED, supervisor.state("content-service"));
            assertEquals(0, service.starts.get());
            assertTrue(said.isEmpty(), said::toString);
            supervisor.start("content-service");
            assertEquals(Supervisor.State.RUNNING, supervisor.state("content-service"));
            service.alive = false; // watched again
            await(() -> supervisor.restarts("content-service") == 1);
        }
    }

    /** Ctrl-C reaches the children with the stack: once the stack closes, their deaths are nobody's failure. */
    @Test
    void deathsWhileTheStackStopsAreNotReported(@TempDir Path state) throws Exception {
        Fake service = new Fake("gateway");
        List<String> said = new CopyOnWriteArrayList<>();
        Supervisor supervisor = new Supervisor(List.of(service), FAST, state.resolve("status.tsv"), said::add);
        supervisor.watch();
        service.alive = false; // dies first, as the terminal's SIGINT reaches it before the JVM's shutdown hook runs
        Thread.sleep(100);
        supervisor.close(); // the hook, within the grace period
        Thread.sleep(1200);
        assertTrue(said.isEmpty(), said::toString);
        assertEquals(0, service.starts.get());
        assertFalse(Files.readString(state.resolve("status.tsv")).contains("RUNNING"));
    }
}
