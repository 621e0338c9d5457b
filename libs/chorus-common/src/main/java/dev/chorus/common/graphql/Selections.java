package dev.chorus.common.graphql;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import io.smallrye.graphql.api.Context;

/** What the client selected under the field being resolved, to skip work nobody asked for. */
public final class Selections {
    private Selections() {
    }

    /** True when {@code field} is selected directly under the current field (e.g. a connection's totalCount). */
    public static boolean wants(Context context, String field) {
        for (JsonValue value : context.getSelectedFields()) {
            if (value instanceof JsonString name && name.getString().equals(field)) {
                return true;
            }
        }
        return false;
    }
}
