package dev.chorus.test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.json.internal.json_simple.JSONValue;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

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

    /** Valid now, expiring this many seconds from now. */
    public static String expiringIn(long seconds, String subject, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).claim("roles", List.of(roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(seconds)).sign();
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

    /** The claims of a valid token (iss, aud, sub, roles, iat, exp), to be changed one at a time and {@link #sign}ed. */
    public static Map<String, Object> claimsOf(String subject, String... roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("roles", List.of(roles));
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    /** Exactly these claims, signed RS256 with the service's test key (no claim added, unlike {@code Jwt}). */
    public static String sign(Map<String, Object> claims) {
        return sign(claims, AlgorithmIdentifiers.RSA_USING_SHA256, testKey());
    }

    /** These claims signed HS256 with a shared secret: a valid signature of an algorithm that is not accepted. */
    public static String signHs256(Map<String, Object> claims) {
        return sign(claims, AlgorithmIdentifiers.HMAC_SHA256,
                new HmacKey("a shared secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));
    }

    private static String sign(Map<String, Object> claims, String algorithm, java.security.Key key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(JSONValue.toJSONString(claims));
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The in-memory signing key Quarkus makes for tests ({@code smallrye.jwt.sign.key}). */
    private static PrivateKey testKey() {
        String pem = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key", String.class)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
