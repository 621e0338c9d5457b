package dev.chorus.common.error;

// the code SmallRye gives the error itself where Chorus does not rebuild it (subscription messages)
@io.smallrye.graphql.api.ErrorCode("NOT_FOUND")
public class NotFoundException extends ChorusException {
    public NotFoundException(String field, String message) {
        super(ErrorCode.NOT_FOUND, field, message);
    }
}
