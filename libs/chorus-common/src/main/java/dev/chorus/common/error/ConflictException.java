package dev.chorus.common.error;

// the code SmallRye gives the error itself where Chorus does not rebuild it (subscription messages)
@io.smallrye.graphql.api.ErrorCode("CONFLICT")
public class ConflictException extends ChorusException {
    public ConflictException(String field, String message) {
        super(ErrorCode.CONFLICT, field, message);
    }
}
