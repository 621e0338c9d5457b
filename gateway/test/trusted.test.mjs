// Unit tests of the trusted documents store (node --test); the end-to-end test runs them through the real gateway.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadTrustedDocuments, trustedDocuments } from '../trusted.mjs';

const QUERY = '{ creators(first: 1) { totalCount } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

function file(content) {
  const path = join(mkdtempSync(join(tmpdir(), 'trusted-')), 'documents.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

test('a store is read from a file or a URL, ids that are hashes checked against their documents', async () => {
  const documents = await loadTrustedDocuments(file({ [HASH]: QUERY, [`sha256:${HASH}`]: QUERY, 'creators-v1': QUERY }));
  assert.equal(documents.get(HASH), QUERY);
  assert.equal(documents.get('creators-v1'), QUERY);
  const server = createServer((request, response) => response.end(JSON.stringify({ [HASH]: QUERY })));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const fromUrl = await loadTrustedDocuments(`http://127.0.0.1:${server.address().port}/documents.json`);
    assert.equal(fromUrl.get(HASH), QUERY);
  } finally {
    server.close();
  }
});

test('a store that is not what it claims stops the gateway with the reason', async () => {
  await assert.rejects(loadTrustedDocuments(file({ [HASH]: `${QUERY} ` })), /not the SHA-256 of its document/);
  await assert.rejects(loadTrustedDocuments(file('{ not json')), /is not JSON/);
  await assert.rejects(loadTrustedDocuments(file([QUERY])), /must hold an object/);
  await assert.rejects(loadTrustedDocuments(file({ x: '' })), /not a non-empty string/);
  await assert.rejects(loadTrustedDocuments(file({ x: 3 })), /not a non-empty string/);
  await assert.rejects(loadTrustedDocuments('/nonexistent/documents.json'), /ENOENT/);
  await assert.rejects(loadTrustedDocuments('http://127.0.0.1:1/x', async () => ({ ok: false, status: 404 })),
    /answered HTTP 404/);
});

test('the id comes from documentId or an APQ hash; refusals are coded BAD_USER_INPUT', () => {
  const options = trustedDocuments(new Map([[HASH, QUERY]]));
  assert.equal(options.getPersistedOperation(HASH), QUERY);
  assert.equal(options.getPersistedOperation('unknown'), null);
  assert.equal(options.extractPersistedOperationId({ documentId: HASH }), HASH);
  assert.equal(options.extractPersistedOperationId({ extensions: { persistedQuery: { version: 1, sha256Hash: HASH } } }), HASH);
  assert.equal(options.extractPersistedOperationId({ query: QUERY }), null);
  assert.equal(options.allowArbitraryDocuments, false);
  for (const error of Object.values(options.customErrors)) assert.equal(error.extensions.code, 'BAD_USER_INPUT');
});
