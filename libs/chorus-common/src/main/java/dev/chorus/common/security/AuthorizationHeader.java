package dev.chorus.common.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one accepted form of the {@code Authorization} header: {@code Bearer <compact JWS>}, the scheme in any case,
 * one space, three base64url parts and nothing else. The JWT library decodes base64url leniently (it skips stray
 * characters), so anything else is refused here, before it reaches it. The gateway applies the same rule
 * ({@code gateway/identity.mjs}).
 */
public final class AuthorizationHeader {
    private static final Pattern BEARER = Pattern.compile(
            "[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");
    /** Far above any real token, far below what would cost anything to look at. */
    static final int MAX_LENGTH = 16 * 1024;

    private AuthorizationHeader() {
    }

    /** The compact token of a well-formed header, or null when the header is anything else. */
    public static String token(String header) {
        if (header == null || header.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = BEARER.matcher(header);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
