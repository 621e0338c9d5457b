package dev.chorus.content.distribution;

import java.util.regex.Pattern;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of distributions; each failure names the input field at fault. */
final class DistributionRules {
    static final int EXTERNAL_ID_MAX = 64;
    private static final Pattern EXTERNAL_ID = Pattern.compile("[0-9A-Za-z_-]+");

    private DistributionRules() {
    }

    /** A distribution is of a work or of an album: exactly one of the two. */
    static void requireOneTarget(String workId, String albumId) {
        if ((workId == null) == (albumId == null)) {
            throw new BadUserInputException(workId == null ? "workId" : "albumId", "give exactly one of workId and albumId");
        }
    }

    /** The platform's id of the live release: letters, digits, '_' and '-', at most {@value #EXTERNAL_ID_MAX}. */
    static String externalId(String value) {
        String externalId = Inputs.requiredLine("externalId", value, EXTERNAL_ID_MAX);
        if (!EXTERNAL_ID.matcher(externalId).matches()) {
            throw new BadUserInputException("externalId", "externalId may hold only letters, digits, '_' and '-'");
        }
        return externalId;
    }
}
