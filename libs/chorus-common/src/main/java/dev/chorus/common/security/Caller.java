package dev.chorus.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.chorus.common.error.GraphQLErrorCodes;
import dev.chorus.common.error.UnauthenticatedException;
import dev.chorus.common.graphql.Execution;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Who is calling, from the verified bearer token (the service checks it itself; see README "Identity"): anonymous,
 * or a subject with roles and, for a creator, the creator id the token is linked to.
 */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    /**
     * The token's {@code sub} claim, or null when anonymous. Never the principal's name: smallrye-jwt takes that
     * from {@code upn} or {@code preferred_username} first, which a token may set to anyone.
     */
    public String subject() {
        return anonymous() ? null : token.getSubject();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The {@code creator_id} claim: the creator this caller acts as, or null. */
    public String creatorId() {
        if (anonymous()) {
            return null;
        }
        Object claim = token.getClaim("creator_id");
        return claim == null ? null : claim.toString().replace("\"", "");
    }

    /**
     * This request's rights as a value the services take; a malformed {@code creator_id} links no creator. Taken
     * once, when the GraphQL execution starts ({@link Execution}): a resolver that runs after the client has gone
     * (and with it the request's CDI context) still sees the caller, and never resolves an identity again.
     */
    public Access access() {
        Execution execution = Execution.current();
        return execution != null ? execution.access() : identityAccess();
    }

    /** The access read from the security identity of the live request. */
    public Access identityAccess() {
        if (anonymous()) {
            return Access.ANONYMOUS;
        }
        UUID creator = null;
        String claim = creatorId();
        if (claim != null) {
            try {
                creator = UUID.fromString(claim);
            } catch (IllegalArgumentException e) {
                creator = null;
            }
        }
        return new Access(subject(), roles(), creator);
    }

    /**
     * A subscription's stream for this caller: it ends with UNAUTHENTICATED when the token expires (the rights it
     * was started with end then; an anonymous caller's never does: Quarkus' own end of an expired WebSocket
     * identity did not act on smallrye-jwt tokens, tested), and a failure ends it with a coded error
     * ({@link GraphQLErrorCodes#forSubscription}).
     */
    public <T> Multi<T> subscription(java.util.function.Supplier<Multi<? extends T>> stream) {
        // built inside the stream: a refused argument fails it like any other failure, one "next" with the error
        // (thrown from the method, SmallRye answers a graphql-transport-ws "error", which the gateway takes for a
        // subgraph that failed: UNAVAILABLE)
        Multi<T> coded = Multi.createFrom().<T>deferred(stream).onFailure().transform(GraphQLErrorCodes::forSubscription);
        return anonymous() ? coded : untilTokenExpires(coded);
    }

    private <T> Multi<T> untilTokenExpires(Multi<T> stream) {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        Multi<T> expiry = Uni.createFrom().item(Boolean.TRUE).onItem().delayIt().by(left.isNegative() ? Duration.ZERO
                : left).onItem().transformToUni(at -> Uni.createFrom().<T>failure(new UnauthenticatedException("The token "
                        + "expired; the subscription has ended. Subscribe again with a new token."))).toMulti();
        return Multi.createBy().merging().streams(stream, expiry);
    }
}
