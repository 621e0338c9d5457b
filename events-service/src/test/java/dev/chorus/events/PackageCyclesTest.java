package dev.chorus.events;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PackageCycles;

/** The feature packages of events-service depend on each other one way only (README "Code layout"). */
class PackageCyclesTest {
    @Test
    void featurePackagesHaveNoCycle() {
        PackageCycles.assertNone("dev.chorus.events");
    }
}
