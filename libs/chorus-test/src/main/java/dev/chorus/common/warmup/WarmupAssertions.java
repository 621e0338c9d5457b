package dev.chorus.common.warmup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * What every service's warm-up must do: stay not-ready while it runs, send requests, and have none fail. In this
 * package for the warm-up's package-private hooks.
 */
public final class WarmupAssertions {
    private WarmupAssertions() {
    }

    public static void warmsWithoutFailures(Warmup warmup) throws InterruptedException {
        warmup.start();
        assertEquals(HealthCheckResponse.Status.DOWN, warmup.call().getStatus(), "not ready while warming");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!warmup.done() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        HealthCheckResponse done = warmup.call();
        assertEquals(HealthCheckResponse.Status.UP, done.getStatus(), () -> done.getData().toString());
        assertTrue(done.getData().get().get("state").toString().startsWith("done"), () -> done.getData().toString());
        assertTrue(Double.parseDouble(done.getData().get().get("cpuMsPerRequest").toString()) > 0,
                () -> "the CPU time per request measured: " + done.getData());
        assertTrue(warmup.requests() > 20, () -> "only " + warmup.requests() + " requests");
        assertEquals(0, warmup.failed(), () -> warmup.failed() + " of " + warmup.requests() + " requests failed");
    }
}
