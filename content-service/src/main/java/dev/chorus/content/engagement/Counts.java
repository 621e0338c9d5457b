package dev.chorus.content.engagement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.vertx.mutiny.sqlclient.Row;

@Description("Engagement counts. interactions = likes + coins + favorites + shares + comments + danmaku.")
public record Counts(@NonNull long plays, @NonNull long likes, @NonNull long coins, @NonNull long favorites,
        @NonNull long shares, @NonNull long comments, @NonNull long danmaku) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

    /** Reads the seven counters from columns named like the fields. */
    static Counts of(Row row) {
        return new Counts(row.getLong("plays"), row.getLong("likes"), row.getLong("coins"), row.getLong("favorites"),
                row.getLong("shares"), row.getLong("comments"), row.getLong("danmaku"));
    }

    @NonNull
    public long getInteractions() {
        return likes + coins + favorites + shares + comments + danmaku;
    }
}
