package dev.chorus.content.invitation;

import org.eclipse.microprofile.graphql.Description;

@Description("INVITED, then ACCEPTED, DECLINED or EXPIRED; ACCEPTED, then DELIVERED.")
public enum RemixInvitationStatus {
    INVITED, ACCEPTED, DECLINED, EXPIRED, DELIVERED
}
