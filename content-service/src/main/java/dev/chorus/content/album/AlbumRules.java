package dev.chorus.content.album;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of album data (UPC check digit, titles, track lists); each failure names the input field at fault. */
final class AlbumRules {
    static final int TITLE_MAX = 200;
    static final int ARTISTS_MAX = 20;
    static final int TRACKS_MAX = 100;

    private AlbumRules() {
    }

    static String title(String value) {
        return Inputs.requiredLine("title", value, TITLE_MAX);
    }

    /** A 12-digit UPC-A or 13-digit EAN whose last digit is the GTIN check digit. Blank: none. */
    static String upc(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upc = value.replaceAll("[\\s-]", "");
        if (!upc.matches("[0-9]{12,13}")) {
            throw new BadUserInputException("upc", "upc " + Inputs.abbreviate(value) + " must be 12 (UPC-A) or 13 (EAN) digits");
        }
        int sum = 0;
        for (int i = upc.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (upc.charAt(i) - '0') * weight;
        }
        if ((10 - sum % 10) % 10 != upc.charAt(upc.length() - 1) - '0') {
            throw new BadUserInputException("upc", "upc " + Inputs.abbreviate(value) + " has a wrong check digit");
        }
        return upc;
    }

    static List<UUID> artists(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new BadUserInputException("primaryArtistIds", "an album needs at least one primary artist");
        }
        return distinctIds("primaryArtistIds", values, ARTISTS_MAX, "is listed twice as a primary artist");
    }

    static List<UUID> tracks(List<String> values) {
        return values == null ? List.of() : distinctIds("trackWorkIds", values, TRACKS_MAX, "is listed twice: a work is on an album at most once");
    }

    private static List<UUID> distinctIds(String field, List<String> values, int max, String twice) {
        if (values.size() > max) {
            throw new BadUserInputException(field, "at most " + max + " in " + field + ", was " + values.size());
        }
        List<UUID> ids = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            UUID id = Inputs.id(field + "[" + i + "]", values.get(i));
            if (!seen.add(id)) {
                throw new BadUserInputException(field + "[" + i + "]", id + " " + twice);
            }
            ids.add(id);
        }
        return ids;
    }
}
