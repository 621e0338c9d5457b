package dev.chorus.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.chorus.common.http.ErrorResponses;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;

/**
 * The HTTP edge of identity: an {@code Authorization} header that is not exactly {@code Bearer <compact JWS>} is
 * refused before the JWT library sees it (a token failing verification or {@link TokenPolicy} is answered by
 * {@link dev.chorus.common.http.Failures}): 401 with the JSON error body the gateway sends.
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
}
