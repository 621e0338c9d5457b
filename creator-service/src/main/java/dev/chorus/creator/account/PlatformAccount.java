package dev.chorus.creator.account;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;


@Description("A creator's account on a partner platform; an account belongs to one creator only.")
public record PlatformAccount(
        @NonNull Platform platform,
        @NonNull @Description("Bilibili: the numeric UID. QQ Music: the 14-character artist mid.") String externalId,
        @NonNull OffsetDateTime linkedAt) {

    static PlatformAccount from(PlatformAccountEntity e) {
        return new PlatformAccount(e.platform, e.externalId, e.linkedAt);
    }
}
