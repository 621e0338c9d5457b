package dev.chorus.common.http;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.chorus.common.error.ErrorCode;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;

/**
 * Every HTTP request that fails outside GraphQL execution gets a coded JSON body instead of Quarkus' empty or HTML
 * one: a refused token (Quarkus' proactive authentication fails the route with AuthenticationFailedException) is 401
 * UNAUTHENTICATED with the gateway's body; a client error Vert.x detects (413 for a body over the limit, 400) keeps
 * its status with BAD_USER_INPUT; anything else is 500 INTERNAL with a reference to find in the log.
 */
@ApplicationScoped
public class Failures {
    private static final Logger LOG = Logger.getLogger(Failures.class);

    void answer(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.response().ended()) {
                return;
            }
            Throwable failure = context.failure();
            int status = context.statusCode();
            if (failure instanceof AuthenticationFailedException) {
                ErrorResponses.unauthenticated(context);
            } else if (status >= 400 && status < 500) {
                ErrorResponses.send(context, status, status == 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.BAD_USER_INPUT,
                        status == 413 ? "The request body is too large." : "The request cannot be read.");
            } else {
                String reference = UUID.randomUUID().toString();
                LOG.errorf(failure, "Internal error %s at %s", reference, context.request().path());
                ErrorResponses.send(context, 500, ErrorCode.INTERNAL, "Internal error (reference " + reference + ")");
            }
        });
    }
}
