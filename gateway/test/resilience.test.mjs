// Unit tests of the request deadline and the circuit breaker (node --test), on a fake clock; the end-to-end tests
// hang a real subgraph (SIGSTOP) behind the real gateway.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GraphQLError } from 'graphql';
import { requestDeadline, useCircuitBreaker } from '../resilience.mjs';

function clock(start = 1000) {
  const c = { t: start, now: () => c.t };
  return c;
}

/** Runs the plugin's onSubgraphExecute as Hive Gateway does and returns the executor it leaves in place. */
function wrap(plugin, subgraphName, executor, executionRequest = {}) {
  let current = executor;
  plugin.onSubgraphExecute({ subgraphName, executionRequest, executor, setExecutor: (e) => { current = e; } });
  return current;
}

test('each subgraph call gets only what is left of the request deadline', () => {
  const c = clock();
  const deadline = requestDeadline(5000, { now: c.now });
  const request = {};
  deadline.plugin.onRequest({ request });
  const executionRequest = { context: { request } };
  assert.equal(deadline.upstreamTimeout({ executionRequest }), 5000);
  c.t += 4990;
  assert.equal(deadline.upstreamTimeout({ executionRequest }), 10);
  c.t += 100;
  assert.equal(deadline.upstreamTimeout({ executionRequest }), 1, 'never 0, which would mean no timeout');
  assert.equal(deadline.upstreamTimeout({ executionRequest: {} }), 5000, 'a call outside a known request: the full timeout');
});

test('a subscription has no deadline: its stream is never timed out, each call for its messages gets the whole timeout', () => {
  const c = clock();
  const deadline = requestDeadline(5000, { now: c.now });
  const request = {};
  deadline.plugin.onRequest({ request });
  deadline.plugin.onSubscribe({ args: { contextValue: { request } } });
  assert.equal(deadline.upstreamTimeout({ executionRequest: { operationType: 'subscription', context: { request } } }), 0);
  c.t += 60_000;
  assert.equal(deadline.upstreamTimeout({ executionRequest: { operationType: 'query', context: { request } } }), 5000);
  const real = () => ({ data: { ok: true } });
  assert.equal(wrap(deadline.plugin, 'creators', real, { context: { request } }), real, 'a minute later: still called');
});

test('a call with less than the floor left is not started, and answers UNAVAILABLE naming the subgraph', async () => {
  const c = clock();
  const deadline = requestDeadline(5000, { now: c.now });
  const request = {};
  deadline.plugin.onRequest({ request });
  let calls = 0;
  const real = () => { calls += 1; return { data: { ok: true } }; };
  assert.equal(wrap(deadline.plugin, 'content', real, { context: { request } }), real, 'time left: the call runs');
  c.t += 4950;
  const skipped = wrap(deadline.plugin, 'content', real, { context: { request } });
  assert.notEqual(skipped, real);
  const result = await skipped({});
  assert.equal(calls, 0);
  assert.equal(result.errors[0].extensions.code, 'UNAVAILABLE');
  assert.equal(result.errors[0].extensions.subgraph, 'content');
});

test('the circuit opens after the stated failures in a row, refuses at once, and closes after a good trial', async () => {
  const c = clock();
  const changes = [];
  const breaker = useCircuitBreaker({ failures: 3, openMs: 2000, now: c.now, onChange: (s, state) => changes.push(`${s} ${state}`) });
  let calls = 0;
  let healthy = false;
  const subgraph = async () => {
    calls += 1;
    if (healthy) return { data: { ok: true } };
    throw new GraphQLError('The operation was aborted due to timeout', { extensions: { code: 'GATEWAY_TIMEOUT' } });
  };
  for (let i = 0; i < 3; i++) {
    await assert.rejects(wrap(breaker, 'events', subgraph)({}));
  }
  assert.deepEqual(changes, ['events open']);
  const refused = await wrap(breaker, 'events', subgraph)({});
  assert.equal(calls, 3, 'open: the subgraph is not called');
  assert.equal(refused.errors[0].extensions.code, 'UNAVAILABLE');
  assert.equal(refused.errors[0].extensions.subgraph, 'events');
  // other subgraphs are not affected
  assert.deepEqual(await wrap(breaker, 'creators', async () => ({ data: { x: 1 } }))({}), { data: { x: 1 } });

  c.t += 2000; // half open: one trial, which fails: open again for another period
  await assert.rejects(wrap(breaker, 'events', subgraph)({}));
  assert.equal(calls, 4);
  await wrap(breaker, 'events', subgraph)({});
  assert.equal(calls, 4, 'reopened after the failed trial');

  c.t += 2000;
  healthy = true;
  const trial = wrap(breaker, 'events', subgraph)({});
  // while the trial runs, the others are still refused
  const meanwhile = await wrap(breaker, 'events', subgraph)({});
  assert.equal(meanwhile.errors[0].extensions.code, 'UNAVAILABLE');
  assert.deepEqual(await trial, { data: { ok: true } });
  assert.deepEqual(await wrap(breaker, 'events', subgraph)({}), { data: { ok: true } });
  assert.deepEqual(changes, ['events open', 'events open', 'events closed']);
});

test("a subgraph's own coded errors are answers, not failures; transport errors without a code are failures", async () => {
  const breaker = useCircuitBreaker({ failures: 2, openMs: 60000, now: () => 0 });
  let calls = 0;
  const coded = async () => {
    calls += 1;
    return { data: null, errors: [{ message: 'db down', extensions: { code: 'UNAVAILABLE' } }] };
  };
  for (let i = 0; i < 5; i++) await wrap(breaker, 'content', coded)({});
  assert.equal(calls, 5, 'a service answering UNAVAILABLE for its database is still answering');
  const refused = async () => {
    calls += 1;
    return { errors: [{ message: 'fetch failed' }] };
  };
  await wrap(breaker, 'content', refused)({});
  await wrap(breaker, 'content', refused)({});
  await wrap(breaker, 'content', refused)({});
  assert.equal(calls, 7, 'open after two transport failures');
});

test('one success resets the count: failures must be in a row', async () => {
  const breaker = useCircuitBreaker({ failures: 2, openMs: 60000, now: () => 0 });
  let calls = 0;
  const fail = async () => { calls += 1; throw new Error('ECONNRESET'); };
  const ok = async () => { calls += 1; return { data: {} }; };
  await assert.rejects(wrap(breaker, 's', fail)({}));
  await wrap(breaker, 's', ok)({});
  await assert.rejects(wrap(breaker, 's', fail)({}));
  await wrap(breaker, 's', ok)({});
  assert.equal(calls, 4);
  const off = useCircuitBreaker({ failures: 0 });
  assert.equal(wrap(off, 's', fail), fail, 'failures 0 turns the breaker off');
});
