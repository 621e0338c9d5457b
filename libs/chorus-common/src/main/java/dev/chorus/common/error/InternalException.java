package dev.chorus.common.error;

/**
 * Something unexpected, already logged under the reference its message carries (INTERNAL). Only for where Chorus
 * does not rebuild errors itself: a subscription's stream ({@link GraphQLErrorCodes#forSubscription}).
 */
@io.smallrye.graphql.api.ErrorCode("INTERNAL")
public class InternalException extends ChorusException {
    public InternalException(String message) {
        super(ErrorCode.INTERNAL, null, message);
    }
}
