// Compressed answers (README "Compression"). A gateway plugin: an answer of at least `minBytes` that is JSON or a
// page (the GraphQL IDE) goes out compressed with brotli or gzip when the client's Accept-Encoding allows one
// (its q-values are honoured; brotli wins a tie), with Vary: Accept-Encoding. Event streams (subscriptions) and
// small answers go as they are. Request bodies are not decompressed: the request size limit (limits.mjs) counts
// the bytes as sent, which a compressed body would escape, so a request with a Content-Encoding is 415.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip as gzipCallback } from 'node:zlib';
import { refusal } from './limits.mjs';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

const PREFERENCE = ['br', 'gzip'];
const COMPRESSIBLE = /^(application\/(graphql-response\+)?json|text\/html|application\/javascript|text\/css)/;

/** The encoding to answer in for this Accept-Encoding header, or null for none. */
export function chooseEncoding(acceptEncoding) {
  if (!acceptEncoding) return null;
  const weights = new Map();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    if (!name) continue;
    let q = 1;
    for (const parameter of parameters) {
      const match = /^q=([0-9.]+)$/.exec(parameter);
      if (match) q = Number(match[1]);
    }
    if (Number.isFinite(q)) weights.set(name, q);
  }
  let best = null;
  let bestWeight = 0;
  for (const encoding of PREFERENCE) {
    const weight = weights.has(encoding) ? weights.get(encoding) : (weights.get('*') ?? 0);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Brotli at quality 5 and gzip at level 6: a fraction of the size for little CPU (brotli's default, 11, takes
 * seconds on the 21 MB GraphQL IDE page). Run on libuv's thread pool, off the event loop. */
const COMPRESS = {
  br: (bytes) => brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gzip: (bytes) => gzip(bytes, { level: 6 }),
};

/**
 * Pages are the same for every request of a running gateway (the GraphQL IDE): each is compressed once per
 * encoding and kept, keyed by its content's hash; a few at most.
 */
const pages = new Map();
const MAX_PAGES = 8;

async function compressed(encoding, bytes, keep) {
  if (!keep) return COMPRESS[encoding](bytes);
  const key = encoding + ':' + createHash('sha256').update(bytes).digest('base64');
  let result = pages.get(key);
  if (!result) {
    if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value);
    result = COMPRESS[encoding](bytes);
    pages.set(key, result);
    result.catch(() => pages.delete(key));
  }
  return result;
}

export function useResponseCompression({ minBytes = 1024 } = {}) {
  return {
    onRequest({ request, fetchAPI, endResponse }) {
      const sent = request.headers.get('content-encoding');
      if (sent && sent.trim().toLowerCase() !== 'identity') {
        endResponse(refusal(fetchAPI, 415, 'BAD_USER_INPUT', 'Send the request body uncompressed '
          + '(no Content-Encoding); answers are compressed when you send Accept-Encoding.'));
      }
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!response.body || response.headers.has('content-encoding')) return;
      const type = response.headers.get('content-type') ?? '';
      if (!COMPRESSIBLE.test(type)) return;
      const length = response.headers.get('content-length');
      if (length !== null && Number(length) < minBytes) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'Accept-Encoding');
      const encoding = chooseEncoding(request.headers.get('accept-encoding'));
      const init = { status: response.status, statusText: response.statusText, headers };
      if (!encoding) {
        setResponse(new fetchAPI.Response(response.body, init));
        return;
      }
      // answers here are whole documents (event streams are not compressible above), so they are read whole
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length < minBytes) {
        setResponse(new fetchAPI.Response(bytes, init));
        return;
      }
      const body = await compressed(encoding, bytes, type.startsWith('text/html'));
      headers.set('content-encoding', encoding);
      headers.set('content-length', String(body.length));
      setResponse(new fetchAPI.Response(body, init));
    },
  };
}
