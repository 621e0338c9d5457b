package dev.chorus.content.challenge;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.content.distribution.Platform;

@Input("ChallengePrizeInput")
@Description("One prize: the rank it goes to (1 to 1000; a rank may carry several prizes), its kind, a description, "
        + "and exactly the fields its kind needs: amount and currency for CASH, eventId for CONCERT_SLOT, albumId for "
        + "ALBUM_TRACK, platform for FEATURED, none for MV_PRODUCTION.")
public record ChallengePrizeInput(
        @NonNull Integer rank,
        @NonNull ChallengePrizeKind kind,
        @NonNull @Description("1 to 200 characters.") String description,
        @Description("CASH: above 0, at most 10,000,000, in cents at most.") BigDecimal amount,
        @Description("CASH: an ISO 4217 code such as CNY.") String currency,
        @Id @Description("CONCERT_SLOT: the event (owned by events-service).") String eventId,
        @Id @Description("ALBUM_TRACK: the album.") String albumId,
        @Description("FEATURED: the platform.") Platform platform) {
}
