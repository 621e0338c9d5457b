// Unit tests of the gateway's error masking (node --test); the end-to-end tests stop and hang real subgraphs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { maskError } from '../gateway.config.mjs';

test('a subgraph that cannot be reached or times out is UNAVAILABLE, naming it when known', () => {
  const refused = maskError(new GraphQLError('connect ECONNREFUSED 127.0.0.1:8083', { extensions: { serviceName: 'events' } }));
  assert.equal(refused.extensions.code, 'UNAVAILABLE');
  assert.equal(refused.extensions.subgraph, 'events');
  assert.ok(!refused.message.includes('ECONNREFUSED'));
  const timedOut = maskError(new GraphQLError('The operation was aborted due to timeout',
    { extensions: { code: 'GATEWAY_TIMEOUT', http: { status: 504 } } }));
  assert.equal(timedOut.extensions.code, 'UNAVAILABLE', 'not BAD_USER_INPUT: the client did nothing wrong');
  assert.equal(timedOut.extensions.http, undefined, 'partial data is still a 200');
});

test("the subgraphs' own codes pass with their field, UNAVAILABLE included", () => {
  for (const code of ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'UNAVAILABLE']) {
    const error = maskError(new GraphQLError('m', { extensions: { code, field: 'f', classification: 'x' } }));
    assert.deepEqual(error.extensions, { code, field: 'f' });
  }
});
