package dev.chorus.content.challenge;

import org.eclipse.microprofile.graphql.Description;

@Description("What a prize is: CASH (amount and currency), MV_PRODUCTION (a music video made for the winner), "
        + "CONCERT_SLOT (a slot at the event it names), ALBUM_TRACK (a track on the album it names), FEATURED (featured "
        + "on the platform it names).")
public enum ChallengePrizeKind {
    CASH, MV_PRODUCTION, CONCERT_SLOT, ALBUM_TRACK, FEATURED
}
