package dev.chorus.common.error;

public class BadUserInputException extends ChorusException {
    public BadUserInputException(String field, String message) {
        super(ErrorCode.BAD_USER_INPUT, field, message);
    }
}
