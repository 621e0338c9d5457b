package dev.chorus.common.error;

/** A part of the system is not there to finish the request (UNAVAILABLE): the client may try again. */
public class UnavailableException extends ChorusException {
    public UnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, null, message);
    }
}
