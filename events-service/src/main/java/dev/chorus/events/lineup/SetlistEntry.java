package dev.chorus.events.lineup;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.events.federation.Work;

public record SetlistEntry(@NonNull int position,
        @Description("Null when the work is not one the caller may see (say, a DRAFT premiered at the event).") Work work) {

    public static SetlistEntry from(SetlistEntryEntity e) {
        return new SetlistEntry(e.position, new Work(e.workId.toString()));
    }
}
