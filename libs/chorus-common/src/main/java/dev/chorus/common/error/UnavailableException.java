package dev.chorus.common.error;

/** A part of the system is not there to finish the request (UNAVAILABLE): the client may try again. */
// the code SmallRye gives the error itself where Chorus does not rebuild it (subscription messages)
@io.smallrye.graphql.api.ErrorCode("UNAVAILABLE")
public class UnavailableException extends ChorusException {
    public UnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, null, message);
    }
}
