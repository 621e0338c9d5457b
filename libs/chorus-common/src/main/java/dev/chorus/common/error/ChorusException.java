package dev.chorus.common.error;

/**
 * A failure the client caused and can act on. Its message is shown to the client as is, so it must be written
 * for a human and must never carry internals. {@link GraphQLErrorCodes} turns it into a GraphQL error.
 */
public abstract class ChorusException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    protected ChorusException(ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault (a dotted path such as {@code input.handle}), or null. */
    public String field() {
        return field;
    }
}
