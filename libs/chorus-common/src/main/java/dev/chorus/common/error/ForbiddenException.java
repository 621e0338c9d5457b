package dev.chorus.common.error;

// the code SmallRye gives the error itself where Chorus does not rebuild it (subscription messages)
@io.smallrye.graphql.api.ErrorCode("FORBIDDEN")
public class ForbiddenException extends ChorusException {
    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, null, message);
    }
}
