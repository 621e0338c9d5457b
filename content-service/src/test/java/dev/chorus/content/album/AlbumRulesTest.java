package dev.chorus.content.album;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The rules of album data, without starting the service. */
class AlbumRulesTest {
    private static void refused(String field, Runnable call) {
        BadUserInputException e = assertThrows(BadUserInputException.class, call::run);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void aUpcOrEanNeedsItsCheckDigit() {
        assertEquals("036000291452", AlbumRules.upc("0-36000-29145-2"));
        assertEquals("4006381333931", AlbumRules.upc("4006381333931"));
        assertNull(AlbumRules.upc(" "));
        refused("upc", () -> AlbumRules.upc("036000291453"));
        refused("upc", () -> AlbumRules.upc("4006381333932"));
        refused("upc", () -> AlbumRules.upc("03600029145"));
        refused("upc", () -> AlbumRules.upc("03600029145A"));
    }

    @Test
    void artistsAndTracksAreDistinctAndBounded() {
        String a = UUID.randomUUID().toString();
        assertEquals(List.of(UUID.fromString(a)), AlbumRules.artists(List.of(a)));
        refused("primaryArtistIds", () -> AlbumRules.artists(List.of()));
        refused("primaryArtistIds[1]", () -> AlbumRules.artists(List.of(a, a)));
        assertEquals(List.of(), AlbumRules.tracks(null));
        List<String> tooMany = IntStream.rangeClosed(0, AlbumRules.TRACKS_MAX)
                .mapToObj(i -> UUID.randomUUID().toString()).toList();
        refused("trackWorkIds", () -> AlbumRules.tracks(tooMany));
    }
}
