package dev.chorus.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for tests. Valid ones are signed with the key pair smallrye-jwt makes in memory for the service
 * under test; the others are each wrong in one way.
 */
public final class Tokens {
    public static final String ISSUER = "https://chorus.local";
    public static final String AUDIENCE = "chorus";

    private Tokens() {
    }

    private static JwtClaimsBuilder claims(String subject, List<String> roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", roles).expiresIn(3600);
    }

    public static String valid(String subject, String... roles) {
        return claims(subject, List.of(roles)).sign();
    }

    /** Role {@code creator}, linked to the creator through the {@code creator_id} claim. */
    public static String creator(String creatorId) {
        return claims("creator-" + creatorId, List.of("creator")).claim("creator_id", creatorId).sign();
    }

    public static String signedWithAnotherKey(String subject, String... roles) {
        return claims(subject, List.of(roles)).sign(otherKey());
    }

    public static String expired(String subject, String... roles) {
        Instant past = Instant.now().minusSeconds(7200);
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", List.of(roles))
                .issuedAt(past).expiresAt(past.plusSeconds(60)).sign();
    }

    public static String wrongIssuer(String subject, String... roles) {
        return Jwt.issuer("https://evil.example").audience(AUDIENCE).subject(subject).claim("roles", List.of(roles))
                .expiresIn(3600).sign();
    }

    public static String wrongAudience(String subject, String... roles) {
        return Jwt.issuer(ISSUER).audience("someone-else").subject(subject).claim("roles", List.of(roles))
                .expiresIn(3600).sign();
    }

    /** {@code alg: none}: claims with no signature at all. */
    public static String unsigned(String subject, String... roles) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"roles\":[" + String.join(",", List.of(roles).stream().map(r -> "\"" + r + "\"").toList())
                + "],\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}");
        return header + "." + payload + ".";
    }

    /** A valid token whose payload the client changed (a role added), keeping the original signature. */
    public static String withRoleAddedByClient(String token, String role) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"roles\":\\[", "\"roles\":[\"" + role + "\",");
        if (forged.equals(payload)) {
            throw new IllegalArgumentException("token has no roles claim: " + payload);
        }
        return parts[0] + "." + base64(forged) + "." + parts[2];
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
