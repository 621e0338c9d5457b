package dev.chorus.events.lineup;

import org.eclipse.microprofile.graphql.NonNull;

import dev.chorus.events.federation.Work;

public record SetlistEntry(@NonNull int position, @NonNull Work work) {

    public static SetlistEntry from(SetlistEntryEntity e) {
        return new SetlistEntry(e.position, new Work(e.workId.toString()));
    }
}
