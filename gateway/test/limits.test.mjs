// Unit tests of the request limits (node --test); the end-to-end tests drive them through the real gateway.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKey, createRateLimiter } from '../limits.mjs';

test('a client gets `limit` requests per window, then waits for the next window', () => {
  let time = 1_000;
  const limiter = createRateLimiter({ limit: 3, windowMs: 10_000, now: () => time });
  assert.deepEqual([1, 2, 3].map(() => limiter.take('a').allowed), [true, true, true]);
  const refused = limiter.take('a');
  assert.equal(refused.allowed, false);
  assert.equal(refused.retryAfterSeconds, 10);
  assert.equal(limiter.take('b').allowed, true, 'another client is not affected');
  time += 9_500;
  assert.equal(limiter.take('a').retryAfterSeconds, 1);
  time += 500;
  assert.equal(limiter.take('a').allowed, true, 'a new window starts afresh');
});

test('memory is bounded: beyond maxClients, new clients share one bucket', () => {
  const limiter = createRateLimiter({ limit: 5, windowMs: 60_000, maxClients: 100, now: () => 0 });
  for (let i = 0; i < 10_000; i++) limiter.take(`client-${i}`);
  assert.ok(limiter.size <= 101, `kept ${limiter.size} keys`);
  assert.equal(limiter.take('client-0').allowed, true, 'a client seen before keeps its own bucket');
  assert.equal(limiter.take('a-new-one').allowed, false, 'the shared bucket is long exhausted');
});

test('callers are told apart by verified subject, then by forwarded or socket address, never by the raw token', () => {
  const request = (headers) => ({ headers: new Headers(headers) });
  const socket = { req: { socket: { remoteAddress: '10.0.0.7' } } };
  assert.equal(clientKey({ subject: 'user-1' }, request({ authorization: 'Bearer a' }), socket, false), 'sub:user-1');
  assert.equal(clientKey({ subject: 'user-1' }, request({ authorization: 'Bearer b' }), socket, false), 'sub:user-1',
    'two tokens of one subject are one client');
  assert.equal(clientKey({ refused: true }, request({ authorization: 'Bearer junk' }), socket, false), 'address:10.0.0.7',
    'an invented token is not a new client');
  assert.equal(clientKey({}, request({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' }), socket, false), 'address:10.0.0.7');
  assert.equal(clientKey({}, request({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' }), socket, true), 'address:1.2.3.4');
});

test('a refusal without a JSON body gets one, with its status and headers', async () => {
  const { useCodedRefusals } = await import('../limits.mjs');
  const plugin = useCodedRefusals();
  let replaced;
  plugin.onResponse({ response: new Response(null, { status: 415, headers: { allow: 'POST' } }),
    setResponse: (r) => { replaced = r; }, fetchAPI: globalThis });
  assert.equal(replaced.status, 415);
  assert.equal(replaced.headers.get('allow'), 'POST');
  const body = await replaced.json();
  assert.equal(body.errors[0].extensions.code, 'BAD_USER_INPUT');
  replaced = undefined;
  plugin.onResponse({ response: new Response('{"data":{}}', { status: 200, headers: { 'content-type': 'application/json' } }),
    setResponse: (r) => { replaced = r; }, fetchAPI: globalThis });
  assert.equal(replaced, undefined, 'answers are left alone');
  plugin.onResponse({ response: new Response('<html>', { status: 404, headers: { 'content-type': 'text/html' } }),
    setResponse: (r) => { replaced = r; }, fetchAPI: globalThis });
  assert.equal(replaced.status, 404);
});
