package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Description;

@Description("What a work is. REMIX and COVER derive from another work; a MUSIC_VIDEO is for one audio work.")
public enum WorkKind {
    ORIGINAL, REMIX, COVER, MUSIC_VIDEO
}
