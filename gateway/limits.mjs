// Request limits the gateway applies before it parses anything: body size and a per-client request rate.
import { createHash } from 'node:crypto';

/**
 * A fixed-window counter per client: at most `limit` requests per `windowMs`. Memory is bounded by the clients
 * seen in one window (the map is dropped when the window turns).
 */
export function createRateLimiter({ limit, windowMs, now = () => Date.now() }) {
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
      const count = (counts.get(client) ?? 0) + 1;
      counts.set(client, count);
      return count <= limit
        ? { allowed: true }
        : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000)) };
    },
  };
}

/**
 * Who the client is: its bearer token (hashed: a signed-in caller is limited per token), else its address (the
 * first X-Forwarded-For hop when the gateway runs behind a trusted proxy, else the socket's address).
 */
export function clientKey(request, serverContext, trustForwardedFor) {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    return 'token:' + createHash('sha256').update(authorization).digest('base64url');
  }
  const forwarded = trustForwardedFor ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  return 'address:' + (forwarded || serverContext?.req?.socket?.remoteAddress || 'unknown');
}

function refusal(fetchAPI, status, code, message, headers = {}) {
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/**
 * A gateway plugin: a POST body must declare its length (no chunked uploads) and stay within `maxBytes`
 * (413 BAD_USER_INPUT otherwise), and each client gets at most `limit` requests per `windowMs` (429 RATE_LIMITED
 * with Retry-After). Health and readiness probes are not counted.
 */
export function useRequestLimits({ maxBytes, limit, windowMs, trustForwardedFor }) {
  const limiter = createRateLimiter({ limit, windowMs });
  return {
    onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      if (url.pathname === '/healthcheck' || url.pathname === '/readiness') {
        return;
      }
      const verdict = limiter.take(clientKey(request, serverContext, trustForwardedFor));
      if (!verdict.allowed) {
        endResponse(refusal(fetchAPI, 429, 'RATE_LIMITED', `Too many requests: at most ${limit} per `
          + `${windowMs / 1000} s per client. Retry in ${verdict.retryAfterSeconds} s.`,
        { 'retry-after': String(verdict.retryAfterSeconds) }));
        return;
      }
      if (request.method === 'POST') {
        const declared = request.headers.get('content-length');
        if (declared === null) {
          endResponse(refusal(fetchAPI, 411, 'BAD_USER_INPUT', 'A request body must declare its Content-Length.'));
        } else if (Number(declared) > maxBytes) {
          endResponse(refusal(fetchAPI, 413, 'BAD_USER_INPUT',
            `The request body is ${declared} bytes; at most ${maxBytes} are accepted.`));
        }
      }
    },
  };
}
