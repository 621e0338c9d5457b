package dev.chorus.content.work;

import org.eclipse.microprofile.graphql.Description;

@Description("What a creator did on a work.")
public enum CreditRole {
    COMPOSER, LYRICIST, ARRANGER, PRODUCER, PERFORMER, VOCALIST, REMIXER, DIRECTOR
}
