package dev.chorus.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void exactlyBearerOneSpaceAndThreeBase64UrlParts() {
        assertEquals(TOKEN, AuthorizationHeader.token("Bearer " + TOKEN));
        assertEquals(TOKEN, AuthorizationHeader.token("bearer " + TOKEN));
        for (String header : new String[] { null, "", "Bearer", "Bearer ", "Bearer " + TOKEN + " !",
                "Bearer " + TOKEN + " x", "Bearer  " + TOKEN, "Bearer\t" + TOKEN, "Bearer " + TOKEN + "=",
                "Bearer " + TOKEN + ".x", "Basic " + TOKEN, TOKEN, "Bearer a.b", "Bearer " + TOKEN + "\n",
                "Bearer " + "a".repeat(20_000) + ".b.c" }) {
            assertNull(AuthorizationHeader.token(header), String.valueOf(header));
        }
    }

    @Test
    void aSubjectIsANonBlankBoundedStringWithoutControlCharacters() {
        assertTrue(TokenPolicy.validSubject("fan-42"));
        assertTrue(TokenPolicy.validSubject("林夏"));
        for (String subject : new String[] { null, "", "  ", "a\u0000b", "a\nb", "x".repeat(256) }) {
            assertFalse(TokenPolicy.validSubject(subject), String.valueOf(subject));
        }
    }
}
