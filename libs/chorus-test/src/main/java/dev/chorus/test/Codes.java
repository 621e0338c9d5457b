package dev.chorus.test;

import java.util.concurrent.atomic.AtomicLong;

/** Unique, valid identifiers for test data (each test makes its own). */
public final class Codes {
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 9_000_000_000L);

    private Codes() {
    }

    /** A UPC-A (12 digits) with its check digit, never the same twice in one JVM. */
    public static String upc() {
        String body = String.format("%011d", 10_000_000_000L + NEXT.incrementAndGet() % 89_999_999_999L);
        int sum = 0;
        for (int i = 10, w = 3; i >= 0; i--, w = 4 - w) {
            sum += (body.charAt(i) - '0') * w;
        }
        return body + (10 - sum % 10) % 10;
    }
}
