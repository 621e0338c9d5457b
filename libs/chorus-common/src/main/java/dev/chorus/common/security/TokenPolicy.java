package dev.chorus.common.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * What a verified token must also hold, beyond what smallrye-jwt checks (signature RS256, {@code iss}, {@code aud},
 * {@code exp}, {@code nbf}, the {@code sub}/{@code exp}/{@code iss}/{@code aud} claims present; see the shared
 * configuration): a subject that can be someone's identity, and no {@code iat} in the future beyond the clock skew.
 * The gateway applies the same rules ({@code gateway/identity.mjs}), so both accept exactly the same tokens.
 */
@ApplicationScoped
public class TokenPolicy implements SecurityIdentityAugmentor {
    /** Seconds a token's times may be off from this server's clock (also {@code mp.jwt.verify.clock.skew}). */
    public static final long CLOCK_SKEW_SECONDS = 60;
    public static final int MAX_SUBJECT_LENGTH = 255;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String refusal = refusal(token, Instant.now().getEpochSecond());
        return refusal == null ? Uni.createFrom().item(identity)
                : Uni.createFrom().failure(new AuthenticationFailedException(refusal));
    }

    static String refusal(JsonWebToken token, long now) {
        String subject;
        try {
            subject = token.getSubject();
        } catch (RuntimeException e) {
            return "sub is not a string";
        }
        if (!validSubject(subject)) {
            return "sub is missing, blank, too long or has control characters";
        }
        Object issuedAt = token.getClaim("iat");
        if (issuedAt != null && token.getIssuedAtTime() > now + CLOCK_SKEW_SECONDS) {
            return "iat is in the future";
        }
        return null;
    }

    static boolean validSubject(String subject) {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            return false;
        }
        return subject.chars().noneMatch(Character::isISOControl);
    }
}
