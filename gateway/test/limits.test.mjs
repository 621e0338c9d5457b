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

test('clients are told apart by token, then by forwarded or socket address', () => {
  const request = (headers) => ({ headers: new Headers(headers) });
  const socket = { req: { socket: { remoteAddress: '10.0.0.7' } } };
  const one = clientKey(request({ authorization: 'Bearer a' }), socket, false);
  assert.notEqual(one, clientKey(request({ authorization: 'Bearer b' }), socket, false));
  assert.ok(!one.includes('Bearer'), 'the token itself is not kept');
  assert.equal(clientKey(request({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' }), socket, false), 'address:10.0.0.7');
  assert.equal(clientKey(request({ 'x-forwarded-for': '1.2.3.4, 10.0.0.1' }), socket, true), 'address:1.2.3.4');
});
