package dev.chorus.common.error;

public class ForbiddenException extends ChorusException {
    public ForbiddenException(String message) {
        super(ErrorCode.FORBIDDEN, null, message);
    }
}
