package dev.chorus.events.registration;

import org.eclipse.microprofile.graphql.Description;

@Description("CONFIRMED holds a seat; WAITLISTED waits for one, first come first served.")
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED, CHECKED_IN
}
