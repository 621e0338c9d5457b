package dev.chorus.content.production;

import java.util.UUID;

import dev.chorus.common.security.Access;

/**
 * What one caller sees of one production (the one home of the rule). Staff and the artist see everything; the
 * director (once approved) everything but the other directors' pitches; a shortlisted director the production and
 * their own pitch, no budget and no cuts; anyone else a RELEASED production's song, artist, director and video only,
 * and nothing of one that is not released (it does not exist for them).
 */
public enum ProductionAccess {
    STAFF, ARTIST, DIRECTOR, CANDIDATE, PUBLIC;

    /** Null when the caller may not see the production at all. */
    static ProductionAccess of(Access access, ProductionEntity p, boolean shortlisted) {
        UUID me = access.creatorId();
        if (access.staff()) {
            return STAFF;
        }
        if (me != null && me.equals(p.artistId)) {
            return ARTIST;
        }
        if (me != null && me.equals(p.directorId)) {
            return DIRECTOR;
        }
        if (shortlisted) {
            return CANDIDATE;
        }
        return p.stage == ProductionStage.RELEASED ? PUBLIC : null;
    }

    /** Taking part: everything but what is kept for the crew below. */
    boolean takesPart() {
        return this != PUBLIC;
    }

    /** The budget, the cuts and their feedback. */
    boolean crew() {
        return this == STAFF || this == ARTIST || this == DIRECTOR;
    }

    /** Every director's pitch (a director sees their own). */
    boolean allPitches() {
        return this == STAFF || this == ARTIST;
    }
}
