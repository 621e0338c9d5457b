package dev.chorus.common.error;

// the code SmallRye gives the error itself where Chorus does not rebuild it (subscription messages)
@io.smallrye.graphql.api.ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends ChorusException {
    public BadUserInputException(String field, String message) {
        super(ErrorCode.BAD_USER_INPUT, field, message);
    }
}
