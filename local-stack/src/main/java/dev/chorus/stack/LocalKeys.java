package dev.chorus.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import java.security.Signature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stack's token issuer: an RSA key pair made on first start in the git-ignored state folder (never
 * committed), whose public half the services trust, and the tokens {@code ./chorus token} signs with it.
 */
public final class LocalKeys {
    public static final String ISSUER = "https://chorus.local";
    public static final String AUDIENCE = "chorus";
    public static final List<String> ROLES = List.of("user", "creator", "staff", "ingestion");

    private LocalKeys() {
    }

    /** The public key file, making the pair first when it does not exist. */
    public static Path ensure(Path state) {
        Path keys = state.resolve("keys");
        Path publicKey = keys.resolve("public.pem");
        Path privateKey = keys.resolve("private.pem");
        if (Files.exists(publicKey) && Files.exists(privateKey)) {
            return publicKey;
        }
        try {
            Files.createDirectories(keys);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return publicKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token for {@code role}, optionally linked to a creator, valid for {@code lifetime}. */
    public static String token(Path state, String role, String subject, String creatorId, Duration lifetime) {
        return token(state, ISSUER, AUDIENCE, role, subject, creatorId, lifetime);
    }

    /** The same, for another issuer and audience (a deployment's, in the deployment smoke test). */
    public static String token(Path state, String issuer, String audience, String role, String subject,
            String creatorId, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of " + ROLES + ", was " + role);
        }
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("roles", List.of(role));
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        if (creatorId != null) {
            claims.put("creator_id", creatorId);
        }
        return signRs256(claims, privateKey(state));
    }

    /** Exactly these claims, signed with the stack's key (tests change one claim of a valid token at a time). */
    public static String sign(Path state, Map<String, Object> claims) {
        return signRs256(claims, privateKey(state));
    }

    /** A compact JWS: base64url(header).base64url(claims).base64url(SHA256withRSA signature). */
    static String signRs256(Map<String, Object> claims, PrivateKey key) {
        try {
            ObjectMapper json = new ObjectMapper();
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            String signed = base64.encodeToString(json.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + base64.encodeToString(json.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(Path state) {
        Path file = state.resolve("keys").resolve("private.pem");
        try {
            String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            throw new IllegalStateException("no key pair in " + file.getParent() + ": run ./chorus up once first", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
