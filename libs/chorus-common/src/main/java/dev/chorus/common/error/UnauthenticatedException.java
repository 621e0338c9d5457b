package dev.chorus.common.error;

public class UnauthenticatedException extends ChorusException {
    public UnauthenticatedException(String message) {
        super(ErrorCode.UNAUTHENTICATED, null, message);
    }
}
