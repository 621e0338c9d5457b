package dev.chorus.common.security;

import java.util.Set;
import java.util.UUID;

import dev.chorus.common.error.ForbiddenException;
import dev.chorus.common.error.UnauthenticatedException;

/**
 * What one request may do, taken from its verified token once (see {@link Caller#access()}) and handed to the
 * services as a plain value. The roles and the {@code creator_id} claim are the whole model; README "Who may do
 * what" is the matrix.
 *
 * @param subject the token's subject, null when anonymous
 * @param roles the token's roles ({@link #STAFF}, {@link #INGESTION}, ...)
 * @param creatorId the creator the token is linked to, or null
 */
public record Access(String subject, Set<String> roles, UUID creatorId) {
    public static final String STAFF = "staff";
    public static final String INGESTION = "ingestion";
    public static final Access ANONYMOUS = new Access(null, Set.of(), null);

    public Access {
        roles = Set.copyOf(roles);
    }

    public boolean signedIn() {
        return subject != null;
    }

    public boolean staff() {
        return roles.contains(STAFF);
    }

    /** Whether the caller is this creator (a token linked to it). */
    public boolean is(UUID creator) {
        return creatorId != null && creatorId.equals(creator);
    }

    /** Staff, or the creator named. */
    public boolean staffOr(UUID creator) {
        return staff() || is(creator);
    }

    /** UNAUTHENTICATED when anonymous; the subject otherwise. */
    public String requireSignedIn() {
        if (!signedIn()) {
            throw new UnauthenticatedException("Sign in first: this needs a bearer token.");
        }
        return subject;
    }

    /** UNAUTHENTICATED when anonymous, FORBIDDEN when signed in without the role. */
    public void require(String role) {
        requireSignedIn();
        if (!roles.contains(role)) {
            throw new ForbiddenException("Only " + role + " may do this.");
        }
    }

    public void requireStaff() {
        require(STAFF);
    }

    /** UNAUTHENTICATED when anonymous, FORBIDDEN unless staff or linked to a creator. */
    public void requireStaffOrCreator() {
        requireSignedIn();
        if (!staff() && creatorId == null) {
            throw new ForbiddenException("Only staff and creators may do this.");
        }
    }
}
