package dev.chorus.common.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.chorus.common.error.BadUserInputException;

/**
 * Opaque keyset cursors: the sort key of the last row seen, as base64url text. Clients must not build them; a
 * cursor that does not decode is a BAD_USER_INPUT on {@code after}.
 */
public final class Cursors {
    private static final String PREFIX = "c1";
    private static final String SEPARATOR = "\u001f";

    private Cursors() {
    }

    public static String encode(String... parts) {
        String joined = PREFIX + SEPARATOR + String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    public static List<String> decode(String cursor, int expectedParts) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split(SEPARATOR, -1);
        if (parts.length != expectedParts + 1 || !PREFIX.equals(parts[0])) {
            throw invalid();
        }
        return Arrays.asList(parts).subList(1, parts.length);
    }

    private static BadUserInputException invalid() {
        return new BadUserInputException("after", "after is not a cursor returned by this field");
    }
}
