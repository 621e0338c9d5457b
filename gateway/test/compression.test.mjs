// Unit tests of answer compression (node --test); the end-to-end tests ask the real gateway.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import * as ponyfill from '@whatwg-node/fetch';
import { chooseEncoding, useResponseCompression } from '../compression.mjs';

test('the encoding follows Accept-Encoding, q-values included, brotli first on a tie', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
  assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
  assert.equal(chooseEncoding('GZIP'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('*;q=0, gzip'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0'), null);
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding('deflate'), null);
  assert.equal(chooseEncoding(''), null);
  assert.equal(chooseEncoding(null), null);
  assert.equal(chooseEncoding(',,;q=,  ;'), null);
});

const json = JSON.stringify({ data: { works: Array.from({ length: 200 }, (_, i) => ({ id: `work-${i}`, title: '晚风告白' })) } });

async function answer(acceptEncoding, body = json, type = 'application/json; charset=utf-8') {
  let replaced;
  const request = new ponyfill.Request('http://localhost/graphql', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
  const response = new ponyfill.Response(body, { headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(body)) } });
  await useResponseCompression({ minBytes: 1024 }).onResponse({ request, response, setResponse: (r) => { replaced = r; }, fetchAPI: ponyfill });
  return replaced;
}

test('a large JSON answer is compressed as asked and decompresses to the same bytes', async () => {
  for (const [accept, encoding, decode] of [['gzip', 'gzip', gunzipSync], ['br, gzip', 'br', brotliDecompressSync]]) {
    const compressed = await answer(accept);
    assert.equal(compressed.headers.get('content-encoding'), encoding);
    assert.equal(Number(compressed.headers.get('content-length')), (await compressed.clone().arrayBuffer()).byteLength);
    assert.match(compressed.headers.get('vary'), /Accept-Encoding/);
    const bytes = Buffer.from(await compressed.arrayBuffer());
    assert.ok(bytes.length < Buffer.byteLength(json) / 5, `${encoding}: ${bytes.length} of ${Buffer.byteLength(json)} bytes`);
    assert.equal(decode(bytes).toString('utf8'), json);
  }
});

test('a page is compressed once per encoding and then served from memory', async () => {
  const page = '<!DOCTYPE html><html>' + 'x'.repeat(200_000) + '</html>';
  const first = await answer('gzip', page, 'text/html; charset=utf-8');
  const again = await answer('gzip', page, 'text/html; charset=utf-8');
  assert.deepEqual(Buffer.from(await again.arrayBuffer()), Buffer.from(await first.arrayBuffer()));
  assert.equal(gunzipSync(Buffer.from(await first.clone().arrayBuffer())).toString('utf8'), page);
});

test('small answers, event streams and clients that accept nothing go as they are', async () => {
  assert.equal(await answer('gzip', '{"data":{}}'), undefined, 'under minBytes');
  assert.equal(await answer('gzip', json, 'text/event-stream'), undefined);
  const plain = await answer(undefined);
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(plain.headers.get('vary'), /Accept-Encoding/, 'caches keep the two apart');
  assert.equal(await plain.text(), json);
});

test('a compressed request body is refused (415), since the size limit counts the bytes as sent', () => {
  let ended;
  const request = new ponyfill.Request('http://localhost/graphql', { method: 'POST', body: 'x', headers: { 'content-encoding': 'gzip' } });
  useResponseCompression().onRequest({ request, fetchAPI: ponyfill, endResponse: (r) => { ended = r; } });
  assert.equal(ended.status, 415);
  ended = undefined;
  const plain = new ponyfill.Request('http://localhost/graphql', { method: 'POST', body: 'x', headers: { 'content-encoding': 'identity' } });
  useResponseCompression().onRequest({ request: plain, fetchAPI: ponyfill, endResponse: (r) => { ended = r; } });
  assert.equal(ended, undefined);
});
