package dev.chorus.content.album;

import org.eclipse.microprofile.graphql.Description;

@Description("DRAFT, then SCHEDULED for a release date, then RELEASED.")
public enum AlbumStatus {
    DRAFT, SCHEDULED, RELEASED
}
