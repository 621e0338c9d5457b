package dev.chorus.common.http;

import java.util.Map;

import dev.chorus.common.error.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals a service sends before GraphQL runs (a bad token, a malformed request): the same body as a GraphQL
 * error, {@code {"errors":[{"message":…,"extensions":{"code":…}}]}}, so that a client reads every refusal one way.
 */
public final class ErrorResponses {
    /** Said for every refused token, by every service and by the gateway: a client learns nothing more from it. */
    public static final String INVALID_TOKEN = "The bearer token is not valid: send 'Authorization: Bearer <token>' "
            + "with an unexpired RS256 token of this issuer and audience, or no Authorization header at all.";

    private ErrorResponses() {
    }

    public static String body(ErrorCode code, String message) {
        return new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code.name())))).encode();
    }

    public static void send(RoutingContext context, int status, ErrorCode code, String message) {
        send(context, status, code, message, Map.of());
    }

    public static void send(RoutingContext context, int status, ErrorCode code, String message,
            Map<String, String> headers) {
        if (context.response().ended()) {
            return;
        }
        var response = context.response().setStatusCode(status);
        response.headers().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach(response.headers()::set);
        response.end(body(code, message));
    }

    public static void unauthenticated(RoutingContext context) {
        send(context, 401, ErrorCode.UNAUTHENTICATED, INVALID_TOKEN, Map.of("WWW-Authenticate", "Bearer"));
    }
}
