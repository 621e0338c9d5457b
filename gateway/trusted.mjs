// Trusted documents (README "Configuration", CHORUS_TRUSTED_DOCUMENTS): in production the gateway can run only operations registered ahead of
// time. CHORUS_TRUSTED_DOCUMENTS names the store, a JSON object { "<document id>": "<document>" } (the manifest
// GraphQL code generators write) in a file or at an http(s) URL, read once at start. Clients send
// {"documentId": "<id>", "variables": …} (or an APQ extensions.persistedQuery.sha256Hash). Unset: any document
// runs (development).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const SHA256 = /^(sha256:)?([0-9a-f]{64})$/;

/**
 * The documents of a store, checked: an object of non-empty strings; an id that is a SHA-256 (64 hex digits,
 * optionally prefixed `sha256:`) must be that of its document, so a store cannot be edited into running another
 * operation under a known id. Throws with the reason, which stops the gateway at start.
 */
export async function loadTrustedDocuments(source, fetchFn = fetch) {
  let text;
  if (/^https?:\/\//.test(source)) {
    const response = await fetchFn(source, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`trusted documents: ${source} answered HTTP ${response.status}`);
    text = await response.text();
  } else {
    text = await readFile(source, 'utf8');
  }
  let store;
  try {
    store = JSON.parse(text);
  } catch (e) {
    throw new Error(`trusted documents: ${source} is not JSON (${e.message})`);
  }
  if (!store || typeof store !== 'object' || Array.isArray(store)) {
    throw new Error(`trusted documents: ${source} must hold an object of { "<id>": "<document>" }`);
  }
  const documents = new Map();
  for (const [id, document] of Object.entries(store)) {
    if (typeof document !== 'string' || document.trim() === '') {
      throw new Error(`trusted documents: the document of ${id} is not a non-empty string`);
    }
    const hash = SHA256.exec(id);
    if (hash && createHash('sha256').update(document).digest('hex') !== hash[2]) {
      throw new Error(`trusted documents: ${id} is not the SHA-256 of its document`);
    }
    documents.set(id, document);
  }
  return documents;
}

/** Hive Gateway's `persistedDocuments` for a loaded store: only its documents run; refusals are coded. */
export function trustedDocuments(documents) {
  const refusal = (message) => ({ message, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  return {
    getPersistedOperation: (id) => documents.get(id) ?? null,
    extractPersistedOperationId: (params) => {
      if (typeof params?.documentId === 'string') return params.documentId;
      const apq = params?.extensions?.persistedQuery;
      return apq?.version === 1 && typeof apq.sha256Hash === 'string' ? apq.sha256Hash : null;
    },
    allowArbitraryDocuments: false,
    customErrors: {
      notFound: refusal('Unknown documentId: this gateway runs only documents registered in its trusted store.'),
      persistedQueryOnly: refusal('This gateway runs only registered documents: send {"documentId": "<id>"} '
        + 'instead of a query.'),
      keyNotFound: refusal('Send {"documentId": "<id>"} of a registered document.'),
    },
  };
}
