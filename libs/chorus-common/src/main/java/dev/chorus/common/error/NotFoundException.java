package dev.chorus.common.error;

public class NotFoundException extends ChorusException {
    public NotFoundException(String field, String message) {
        super(ErrorCode.NOT_FOUND, field, message);
    }
}
