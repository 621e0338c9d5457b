package dev.chorus.common.graphql;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.spi.EventingService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import dev.chorus.common.error.UnavailableException;
import dev.chorus.common.security.Access;
import dev.chorus.common.security.Caller;

/**
 * What one GraphQL request takes from its HTTP exchange when its execution starts, while the request is live:
 * the caller's {@link Access}, and the response, to tell whether the client is still there. It is kept in the
 * request's Vert.x (duplicated) context, where every resolver and every database callback of the request runs.
 *
 * <p>Why: a client that goes away (or the gateway, at its deadline) closes the connection, which ends the
 * request's CDI context while graphql-java goes on with the fields it has scheduled. A request-scoped bean touched
 * then belongs to a new, empty request context, whose identity is resolved again by blocking the event loop
 * (SmallRye's batch loaders failed with "The current thread cannot be blocked"). With this, the caller's access
 * never depends on the request context, and once the client is gone no resolver is invoked and no read starts
 * ({@link #requireClient()}): an abandoned request costs no further SQL.
 */
public final class Execution {
    private static final String KEY = "chorus.execution";

    private final Access access;
    private final HttpServerResponse response;

    private Execution(Access access, HttpServerResponse response) {
        this.access = access;
        this.response = response;
    }

    /** The current request's execution, or null outside one (a test calling a bean directly, a startup task). */
    public static Execution current() {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        return context.getLocal(KEY) instanceof Execution execution ? execution : null;
    }

    public Access access() {
        return access;
    }

    /** The client closed the connection before its answer was sent. */
    public boolean abandoned() {
        return response != null && response.closed() && !response.ended();
    }

    /** Refuses to start more work for a request whose client has gone: nobody waits for its answer. */
    public static void requireClient() {
        Execution execution = current();
        if (execution != null && execution.abandoned()) {
            throw new UnavailableException("The client closed the connection; the request was stopped.");
        }
    }

    /** Registered through {@code META-INF/services}: takes the execution at its start, checks before each resolver. */
    public static final class Hooks implements EventingService {
        @Override
        public String getConfigKey() {
            return null; // always on
        }

        @Override
        public void beforeExecute(Context graphQLContext) {
            io.vertx.core.Context context = Vertx.currentContext();
            if (context == null || !VertxContext.isDuplicatedContext(context)) {
                return;
            }
            RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
            Access access = Arc.container().instance(Caller.class).get().identityAccess();
            context.putLocal(KEY, new Execution(access, request == null ? null : request.response()));
        }

        @Override
        public void beforeInvoke(InvokeInfo invokeInfo) {
            requireClient();
        }
    }
}
