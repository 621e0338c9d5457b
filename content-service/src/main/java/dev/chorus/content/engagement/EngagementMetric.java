package dev.chorus.content.engagement;

public enum EngagementMetric {
    PLAYS("plays"), LIKES("likes"), COINS("coins"), FAVORITES("favorites"), SHARES("shares"), COMMENTS("comments"),
    DANMAKU("danmaku"), INTERACTIONS("likes + coins + favorites + shares + comments + danmaku");

    /** The SQL expression over engagement_daily's columns; constant text, never user input. */
    final String sql;

    EngagementMetric(String sql) {
        this.sql = sql;
    }
}
