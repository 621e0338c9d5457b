package dev.chorus.creator;

import org.junit.jupiter.api.Test;

import dev.chorus.test.PackageCycles;

/** The feature packages of creator-service depend on each other one way only (README "Code layout"). */
class PackageCyclesTest {
    @Test
    void featurePackagesHaveNoCycle() {
        PackageCycles.assertNone("dev.chorus.creator");
    }
}
