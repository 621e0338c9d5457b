package dev.chorus.content.work;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of work data (ISRC, ISWC, platform ids, credits and splits); each failure names the input field at fault. */
final class WorkRules {
    static final int TITLE_MAX = 200;
    static final int GENRE_MAX = 40;
    static final int CREDITED_AS_MAX = 100;
    static final int CREDITS_MAX = 50;
    static final int DURATION_MAX = 24 * 3600;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Pattern ISRC = Pattern.compile("[A-Z]{2}[A-Z0-9]{3}[0-9]{7}");
    private static final Pattern ISWC = Pattern.compile("T-?([0-9]{3})\\.?([0-9]{3})\\.?([0-9]{3})-?([0-9])");
    private static final Pattern BVID = Pattern.compile("BV1[0-9A-Za-z]{9}");
    private static final Pattern QQ_SONG_MID = Pattern.compile("[0-9A-Za-z]{14}");

    record CreditLine(UUID creatorId, CreditRole role, String creditedAs) {
    }

    record Share(UUID creatorId, BigDecimal share) {
    }

    private WorkRules() {
    }

    /** The ordering asked for, NEWEST when none; {@code from}/{@code to} only with MOST_PLAYED, both or neither. */
    static WorkOrdering ordering(WorkOrderBy orderBy) {
        if (orderBy == null) {
            return WorkOrdering.NEWEST;
        }
        if ((orderBy.from() == null) != (orderBy.to() == null)) {
            throw new BadUserInputException(orderBy.from() == null ? "orderBy.from" : "orderBy.to",
                    "a plays period needs both from and to");
        }
        if (orderBy.from() != null && orderBy.field() != WorkOrderField.MOST_PLAYED) {
            throw new BadUserInputException("orderBy.from", "a period applies to MOST_PLAYED only");
        }
        if (orderBy.from() != null && orderBy.to().isBefore(orderBy.from())) {
            throw new BadUserInputException("orderBy.to", "to must be on or after from");
        }
        return new WorkOrdering(orderBy.field(), orderBy.from(), orderBy.to());
    }

    static String title(String value) {
        return Inputs.requiredLine("title", value, TITLE_MAX);
    }

    static String genre(String value) {
        String genre = Inputs.optionalLine("genre", value, GENRE_MAX);
        return genre == null ? null : genre.toLowerCase(Locale.ROOT);
    }

    static String language(String value) {
        return value == null || value.isBlank() ? null : Inputs.languageTag("language", value);
    }

    static int duration(Integer seconds) {
        if (seconds == null || seconds <= 0 || seconds > DURATION_MAX) {
            throw new BadUserInputException("durationSeconds",
                    "durationSeconds must be between 1 and " + DURATION_MAX + ", was " + seconds);
        }
        return seconds;
    }

    /** An ISRC, normalised: hyphens and spaces dropped, upper-cased, then {@code CCXXXYYNNNNN}. Blank: none. */
    static String isrc(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String isrc = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!ISRC.matcher(isrc).matches()) {
            throw new BadUserInputException("isrc", "isrc " + Inputs.abbreviate(value)
                    + " is not an ISRC: 2-letter country, 3-character registrant, 2-digit year, 5-digit designation");
        }
        return isrc;
    }

    /** An ISWC with a valid check digit, as {@code T-123.456.789-C}. Blank: none. */
    static String iswc(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var m = ISWC.matcher(value.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadUserInputException("iswc", "iswc " + Inputs.abbreviate(value) + " is not T-123.456.789-C");
        }
        String digits = m.group(1) + m.group(2) + m.group(3);
        int sum = 1;
        for (int i = 0; i < 9; i++) {
            sum += (i + 1) * (digits.charAt(i) - '0');
        }
        int check = (10 - sum % 10) % 10;
        if (check != m.group(4).charAt(0) - '0') {
            throw new BadUserInputException("iswc", "iswc " + Inputs.abbreviate(value) + " has a wrong check digit");
        }
        return "T-" + m.group(1) + "." + m.group(2) + "." + m.group(3) + "-" + m.group(4);
    }

    static String bilibiliBvid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String bvid = value.strip();
        if (!BVID.matcher(bvid).matches()) {
            throw new BadUserInputException("bilibiliBvid",
                    "bilibiliBvid " + Inputs.abbreviate(value) + " is not a Bilibili video id (BV1 and 9 letters or digits)");
        }
        return bvid;
    }

    static String qqMusicSongMid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String mid = value.strip();
        if (!QQ_SONG_MID.matcher(mid).matches()) {
            throw new BadUserInputException("qqMusicSongMid",
                    "qqMusicSongMid " + Inputs.abbreviate(value) + " is not a QQ Music song mid (14 letters or digits)");
        }
        return mid;
    }

    static List<CreditLine> credits(List<CreditInput> values) {
        if (values == null || values.isEmpty()) {
            throw new BadUserInputException("credits", "a work needs at least one credit");
        }
        if (values.size() > CREDITS_MAX) {
            throw new BadUserInputException("credits", "at most " + CREDITS_MAX + " credits, was " + values.size());
        }
        List<CreditLine> credits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String field = "credits[" + i + "]";
            CreditInput input = values.get(i);
            if (input == null) {
                throw new BadUserInputException(field, field + " must not be null");
            }
            UUID creator = Inputs.id(field + ".creatorId", input.creatorId());
            if (!seen.add(creator + "/" + input.role())) {
                throw new BadUserInputException(field, "creator " + creator + " is credited as " + input.role() + " twice");
            }
            credits.add(new CreditLine(creator, input.role(),
                    Inputs.optionalLine(field + ".creditedAs", input.creditedAs(), CREDITED_AS_MAX)));
        }
        return credits;
    }

    /** Royalty shares: positive, at most two decimals, one per creator, totalling exactly 100; none is allowed. */
    static List<Share> splits(List<RoyaltySplitInput> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > CREDITS_MAX) {
            throw new BadUserInputException("royaltySplits", "at most " + CREDITS_MAX + " royalty splits");
        }
        List<Share> shares = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < values.size(); i++) {
            String field = "royaltySplits[" + i + "]";
            RoyaltySplitInput input = values.get(i);
            if (input == null) {
                throw new BadUserInputException(field, field + " must not be null");
            }
            UUID creator = Inputs.id(field + ".creatorId", input.creatorId());
            BigDecimal share = input.share();
            if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0 || share.stripTrailingZeros().scale() > 2) {
                throw new BadUserInputException(field + ".share",
                        "a share is a percentage above 0 and at most 100 with at most two decimals, was " + share.toPlainString());
            }
            if (!seen.add(creator)) {
                throw new BadUserInputException(field + ".creatorId", "creator " + creator + " has two shares");
            }
            total = total.add(share);
            shares.add(new Share(creator, share));
        }
        if (total.compareTo(HUNDRED) != 0) {
            throw new BadUserInputException("royaltySplits",
                    "royalty shares must total exactly 100, they total " + total.stripTrailingZeros().toPlainString());
        }
        return shares;
    }
}
