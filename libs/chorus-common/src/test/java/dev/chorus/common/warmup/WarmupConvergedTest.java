package dev.chorus.common.warmup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chorus.common.warmup.Warmup.Window;

/**
 * When the warm-up calls a service warm: in the last three windows its CPU time per request has stopped falling and
 * the JIT compilers have (nearly) stopped.
 */
class WarmupConvergedTest {
    /** Windows of 100 requests with these CPU times per request, the compilers taking this share of the CPU. */
    static List<Window> windows(double compilingShare, double... perRequest) {
        List<Window> windows = new ArrayList<>();
        for (double ms : perRequest) {
            windows.add(new Window(ms * 100, 100, ms * 100 * compilingShare));
        }
        return windows;
    }

    @Test
    void warmWhenTheLastThreeWindowsLieWithinTenPercentWithTheCompilersIdle() {
        assertTrue(Warmup.converged(windows(0.01, 40.0, 12.0, 4.1, 4.0, 4.3)));
        assertTrue(Warmup.converged(windows(0.05, 4.0, 4.4, 4.0)), "5 % compiling is the limit, included");
        assertTrue(Warmup.converged(windows(0, 4.0, 4.4, 4.0)));
    }

    @Test
    void stillColdWhileFallingOrTooFewWindows() {
        assertFalse(Warmup.converged(List.of()));
        assertFalse(Warmup.converged(windows(0, 4.0, 4.0)), "two windows are too few");
        assertFalse(Warmup.converged(windows(0, 9.0, 6.0, 4.0)), "still falling");
        assertFalse(Warmup.converged(windows(0, 4.0, 4.0, 4.0, 4.5)), "the last three spread over 12 %");
        assertFalse(Warmup.converged(windows(0, 4.0, 4.0, 4.0, 9.0)), "a slower window at the end");
    }

    @Test
    void stillColdWhileTheCompilersWorkEvenWhenTheCpuPerRequestLooksFlat() {
        assertFalse(Warmup.converged(windows(0.30, 4.0, 4.0, 4.0)), "flat, but a third of the CPU compiling");
        List<Window> lastCompiling = windows(0, 4.0, 4.0, 4.0);
        lastCompiling.add(new Window(400, 100, 40));
        assertFalse(Warmup.converged(lastCompiling), "the last window compiled 10 % of its CPU");
    }

    @Test
    void aWindowWithoutRequestsOrCpuIsNeverWarm() {
        List<Window> none = windows(0, 4.0, 4.0);
        none.add(new Window(50, 0, 0));
        assertFalse(Warmup.converged(none), "no request in the last window");
        List<Window> idle = windows(0, 4.0, 4.0);
        idle.add(new Window(0, 0, 0));
        assertFalse(Warmup.converged(idle), "nothing at all in the last window");
        assertFalse(Warmup.converged(windows(0, 0.0, 0.0, 0.0)), "no CPU measured is no measurement");
        assertFalse(Warmup.converged(List.of(new Window(-100, 100, 0), new Window(-100, 100, 0),
                new Window(-100, 100, 0))), "a negative reading");
        assertFalse(Warmup.converged(List.of(new Window(400, 100, Double.NaN), new Window(400, 100, 0),
                new Window(400, 100, 0))), "the compilers' time unknown");
    }

    @Test
    void theCompilersCpuTimeIsReadAndGrowsWhileTheyCompile() {
        double before = Warmup.compilersCpuMs();
        assertTrue(before >= 0);
        if (java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/self/task"))) {
            assertTrue(before > 0, "a JVM that ran JUnit has compiled something: " + before);
        }
    }
}
