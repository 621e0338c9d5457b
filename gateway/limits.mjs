// What the gateway checks before it parses anything: who the caller is (identity.mjs), the request rate per
// caller, and the body size.
import { INVALID_TOKEN, identify } from './identity.mjs';

/**
 * A fixed-window counter per client: at most `limit` requests per `windowMs`. Memory is bounded: the map is dropped
 * when the window turns, and once it holds `maxClients` keys, clients not yet seen in this window share one bucket.
 */
export function createRateLimiter({ limit, windowMs, maxClients = 100_000, now = () => Date.now() }) {
  let windowStart = now();
  let counts = new Map();
  return {
    /** Counts one request of `client`; answers whether it may pass and, if not, the seconds until it may. */
    take(client) {
      const time = now();
      if (time - windowStart >= windowMs) {
        windowStart = time - ((time - windowStart) % windowMs);
        counts = new Map();
      }
      const key = counts.has(client) || counts.size < maxClients ? client : 'overflow';
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return count <= limit
        ? { allowed: true }
        : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000)) };
    },
    get size() {
      return counts.size;
    },
  };
}

/**
 * The rate-limit key of a caller: its verified subject, else its address (the first X-Forwarded-For hop when the
 * gateway runs behind a trusted proxy, else the socket's address). An invented or broken token is not a new client.
 */
export function clientKey(identity, request, serverContext, trustForwardedFor) {
  if (identity.subject) return 'sub:' + identity.subject;
  const forwarded = trustForwardedFor ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return 'address:' + (forwarded || serverContext?.req?.socket?.remoteAddress || 'unknown');
}

export function refusal(fetchAPI, status, code, message, headers = {}) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * A gateway plugin, in this order: the caller is identified (a malformed header or a token that does not verify is
 * 401 UNAUTHENTICATED, with the body the services send); each caller gets at most `limit` requests per `windowMs`
 * (429 RATE_LIMITED with Retry-After; refused tokens count against their address); a POST body must declare its
 * length (411) and stay within `maxBytes` (413). Health and readiness probes pass untouched.
 */
export function useRequestLimits({ maxBytes, limit, windowMs, trustForwardedFor, verify, maxClients }) {
  const limiter = createRateLimiter({ limit, windowMs, maxClients });
  return {
    async onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      if (url.pathname === '/healthcheck' || url.pathname === '/readiness') {
        return;
      }
      const identity = await identify(request, verify);
      const verdict = limiter.take(clientKey(identity, request, serverContext, trustForwardedFor));
      if (!verdict.allowed) {
        endResponse(refusal(fetchAPI, 429, 'RATE_LIMITED', `Too many requests: at most ${limit} per `
          + `${windowMs / 1000} s per client. Retry in ${verdict.retryAfterSeconds} s.`,
        { 'retry-after': String(verdict.retryAfterSeconds) }));
        return;
      }
      if (identity.refused) {
        endResponse(refusal(fetchAPI, 401, 'UNAUTHENTICATED', INVALID_TOKEN, { 'www-authenticate': 'Bearer' }));
        return;
      }
      if (request.method === 'POST') {
        const declared = request.headers.get('content-length');
        if (declared === null) {
          endResponse(refusal(fetchAPI, 411, 'BAD_USER_INPUT', 'A request body must declare its Content-Length.'));
        } else if (!/^\d{1,15}$/.test(declared) || Number(declared) > maxBytes) {
          endResponse(refusal(fetchAPI, 413, 'BAD_USER_INPUT',
            `The request body is larger than the ${maxBytes} bytes accepted.`));
        }
      }
    },
  };
}

const REFUSALS = {
  405: 'Send GraphQL requests as POST, or queries as GET.',
  406: 'Accept application/json or application/graphql-response+json.',
  415: 'Send the request as Content-Type: application/json.',
};

/**
 * A gateway plugin: every refusal leaves with a JSON body coded like the rest (Yoga answers an unsupported media
 * type, an unacceptable Accept or a wrong method with an empty body). Headers such as Allow are kept.
 */
export function useCodedRefusals() {
  return {
    onResponse({ response, setResponse, fetchAPI }) {
      const type = response.headers.get('content-type') ?? '';
      if (response.status < 400 || type.includes('json')) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      headers.delete('content-length');
      const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 429 ? 'RATE_LIMITED'
        : response.status >= 500 ? 'INTERNAL' : 'BAD_USER_INPUT';
      const message = REFUSALS[response.status] ?? (response.status >= 500 ? 'Internal error.' : 'The request cannot be read.');
      setResponse(new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }),
        { status: response.status, headers }));
    },
  };
}
