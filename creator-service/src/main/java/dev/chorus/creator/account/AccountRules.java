package dev.chorus.creator.account;

import java.util.regex.Pattern;

import dev.chorus.common.error.BadUserInputException;
import dev.chorus.common.input.Inputs;

/** The rules of platform account ids. */
final class AccountRules {
    private static final Pattern BILIBILI_UID = Pattern.compile("[1-9][0-9]{0,15}");
    private static final Pattern QQ_MUSIC_MID = Pattern.compile("[0-9A-Za-z]{14}");

    private AccountRules() {
    }

    static String externalId(Platform platform, String value) {
        String id = value == null ? "" : value.strip();
        boolean valid = switch (platform) {
            case BILIBILI -> BILIBILI_UID.matcher(id).matches();
            case QQ_MUSIC -> QQ_MUSIC_MID.matcher(id).matches();
        };
        if (!valid) {
            String expected = platform == Platform.BILIBILI
                    ? "a Bilibili UID is a positive number of at most 16 digits"
                    : "a QQ Music artist mid is 14 letters or digits";
            throw new BadUserInputException("externalId",
                    "externalId " + Inputs.abbreviate(value == null ? "" : value) + " is not valid: " + expected);
        }
        return id;
    }
}
