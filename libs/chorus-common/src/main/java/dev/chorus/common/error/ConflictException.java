package dev.chorus.common.error;

public class ConflictException extends ChorusException {
    public ConflictException(String field, String message) {
        super(ErrorCode.CONFLICT, field, message);
    }
}
