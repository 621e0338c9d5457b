package dev.chorus.common.error;

// the code SmallRye gives the error itself where Chorus does not rebuild it (subscription messages)
@io.smallrye.graphql.api.ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ChorusException {
    public UnauthenticatedException(String message) {
        super(ErrorCode.UNAUTHENTICATED, null, message);
    }
}
