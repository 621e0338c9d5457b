// Who is calling: the bearer token, checked exactly as the services check it (libs/chorus-common, security), so that
// the gateway and every service accept the same tokens and agree on one identity, the token's `sub`.
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, importSPKI, jwtVerify } from 'jose';

/** Said for every refused token, word for word what the services say (ErrorResponses.INVALID_TOKEN). */
export const INVALID_TOKEN = "The bearer token is not valid: send 'Authorization: Bearer <token>' "
  + 'with an unexpired RS256 token of this issuer and audience, or no Authorization header at all.';
/** Seconds a token's exp, nbf and iat may be off from this clock (the services: mp.jwt.verify.clock.skew). */
export const CLOCK_SKEW_SECONDS = 60;
const MAX_SUBJECT_LENGTH = 255;
const MAX_HEADER_LENGTH = 16 * 1024;
const BEARER = /^[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * The compact token of an `Authorization` header: `undefined` without a header, `null` when the header is anything
 * but `Bearer <compact JWS>` (scheme in any case, one space, three base64url parts, nothing after).
 */
export function bearerToken(header) {
  if (header === null || header === undefined) return undefined;
  if (header.length > MAX_HEADER_LENGTH) return null;
  const match = BEARER.exec(header);
  return match ? match[1] : null;
}

/** A subject that can be someone's identity: a non-blank string of at most 255 characters, no control characters. */
export function validSubject(subject) {
  return typeof subject === 'string' && subject.trim() !== '' && subject.length <= MAX_SUBJECT_LENGTH
    && !/[\u0000-\u001f\u007f-\u009f]/.test(subject);
}

/**
 * A token checker: `async (token) => claims | null`. RS256 only; `sub`, `exp`, `iss`, `aud` required; `exp`, `nbf`
 * and `iat` checked with the clock skew; `iat` (optional) not in the future nor after `exp`.
 */
export function createTokenVerifier({ jwksUrl, publicKeyPem, issuer, audience, now = () => Date.now() }) {
  const key = jwksUrl ? Promise.resolve(createRemoteJWKSet(new URL(jwksUrl)))
    : importSPKI(publicKeyPem, 'RS256');
  key.catch(() => {}); // a broken key fails each verification (below), not the process
  return async (token) => {
    try {
      const seconds = Math.floor(now() / 1000);
      const { payload } = await jwtVerify(token, await key, {
        algorithms: ['RS256'],
        issuer,
        audience,
        requiredClaims: ['sub', 'exp', 'iss', 'aud'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: new Date(seconds * 1000),
      });
      if (!validSubject(payload.sub)) return null;
      if (payload.iat !== undefined && (payload.iat > seconds + CLOCK_SKEW_SECONDS || payload.iat > payload.exp)) {
        return null;
      }
      return payload;
    } catch {
      return null;
    }
  };
}

/** The verifier the environment configures, or null when the gateway has no key (then only the services check). */
export function verifierFromEnvironment(env) {
  const jwksUrl = env('CHORUS_JWT_JWKS_URL', '');
  const publicKeyFile = env('CHORUS_JWT_PUBLIC_KEY_FILE', '');
  if (!jwksUrl && !publicKeyFile) return null;
  return createTokenVerifier({
    jwksUrl: jwksUrl || undefined,
    publicKeyPem: publicKeyFile ? readFileSync(publicKeyFile, 'utf8') : undefined,
    issuer: env('CHORUS_JWT_ISSUER', 'https://chorus.local'),
    audience: env('CHORUS_JWT_AUDIENCE', 'chorus'),
  });
}

/**
 * Who sent `request`: `{ subject }` for a verified token, `{}` when anonymous, `{ refused: true }` for a malformed
 * header or a token that does not verify. Without a verifier, a well-formed token passes on unverified and the
 * caller counts as anonymous here (the services still refuse a bad one).
 */
export async function identify(request, verify) {
  const values = request.headers.get('authorization');
  const token = bearerToken(values);
  if (token === undefined) return {};
  if (token === null) return { refused: true };
  if (!verify) return {};
  const claims = await verify(token);
  return claims ? { subject: claims.sub } : { refused: true };
}
