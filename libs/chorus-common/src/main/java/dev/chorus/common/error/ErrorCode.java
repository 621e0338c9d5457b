package dev.chorus.common.error;

/** The stable values of {@code extensions.code} that clients may branch on. */
public enum ErrorCode {
    BAD_USER_INPUT,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    UNAUTHENTICATED,
    /** A part of the system is down or did not answer in time: try again; a mutation's outcome is unknown, so
     *  retry it with its idempotency key. */
    UNAVAILABLE,
    INTERNAL
}
