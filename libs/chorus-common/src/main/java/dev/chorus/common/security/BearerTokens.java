package dev.chorus.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.chorus.common.http.ErrorResponses;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.Router;

/**
 * The HTTP edge of identity: an {@code Authorization} header that is not exactly {@code Bearer <compact JWS>} is
 * refused before the JWT library sees it, and every refused token (malformed, or failing verification or
 * {@link TokenPolicy}) is answered 401 with the JSON error body the gateway sends, not Quarkus' empty one.
 */
@ApplicationScoped
public class BearerTokens {

    void checkHeader(@Observes Filters filters) {
        filters.register(context -> {
            var headers = context.request().headers();
            var values = headers.getAll("Authorization");
            if (values.isEmpty()) {
                context.next();
                return;
            }
            String token = values.size() == 1 ? AuthorizationHeader.token(values.get(0)) : null;
            if (token == null) {
                ErrorResponses.unauthenticated(context);
                return;
            }
            headers.set("Authorization", "Bearer " + token); // the scheme as smallrye-jwt expects it
            context.next();
        }, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    /** Quarkus' proactive authentication fails the route with this exception; answer it like the gateway does. */
    void answerRefusals(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException) {
                ErrorResponses.unauthenticated(context);
            } else {
                context.next();
            }
        });
    }
}
