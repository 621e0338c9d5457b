package dev.chorus.creator.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.chorus.common.error.BadUserInputException;

/** The shapes of platform account ids, without starting the service. */
class AccountRulesTest {
    @Test
    void eachPlatformHasItsIdShape() {
        assertEquals("1234567", AccountRules.externalId(Platform.BILIBILI, " 1234567 "));
        assertEquals("0025NhlN2yWrP4", AccountRules.externalId(Platform.QQ_MUSIC, "0025NhlN2yWrP4"));
        for (String bad : new String[] { "0123", "12345678901234567", "12a", "" }) {
            BadUserInputException e = assertThrows(BadUserInputException.class,
                    () -> AccountRules.externalId(Platform.BILIBILI, bad));
            assertEquals("externalId", e.field());
        }
        assertThrows(BadUserInputException.class, () -> AccountRules.externalId(Platform.QQ_MUSIC, "0025NhlN2yWrP"));
        assertThrows(BadUserInputException.class, () -> AccountRules.externalId(Platform.QQ_MUSIC, null));
    }
}
