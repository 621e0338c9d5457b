package dev.chorus.common.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.chorus.common.graphql.Execution;
import io.quarkus.security.identity.SecurityIdentity;

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
}
