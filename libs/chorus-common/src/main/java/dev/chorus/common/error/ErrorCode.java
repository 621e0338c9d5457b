package dev.chorus.common.error;

/** The stable values of {@code extensions.code} that clients may branch on. */
public enum ErrorCode {
    BAD_USER_INPUT,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    UNAUTHENTICATED,
    INTERNAL
}
