// Unit tests of the subscriptions' identity (live.mjs): where the token comes from, refusals, the end at expiry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiryOf, subscriptionAuthorization, untilExpiry, useSubscriptionIdentity } from '../live.mjs';

const headers = (authorization) => ({ get: (name) => (name === 'authorization' ? authorization : null) });
const token = (claims) => ['e30', Buffer.from(JSON.stringify(claims)).toString('base64url'), 'c2ln'].join('.');

/** Runs the plugin's onSubscribe as envelop does; answers what it set or the context it left. */
async function subscribe(plugin, context) {
  let stopped;
  const hooks = await plugin.onSubscribe({
    context,
    extendContext: (extension) => Object.assign(context, extension),
    setResultAndStopExecution: (result) => { stopped = result; },
  });
  return { stopped, context, hooks };
}

/** An upstream subscription that yields 1, 2, 3… every `ms` until returned; `ended` tells whether it was. */
function ticking(ms) {
  const state = { ended: false };
  let n = 0;
  state.iterable = {
    [Symbol.asyncIterator]() {
      return {
        next: () => new Promise((resolve) => setTimeout(() => resolve(state.ended ? { done: true }
          : { done: false, value: { data: { n: ++n } } }), ms)),
        return: async () => { state.ended = true; return { done: true }; },
      };
    },
  };
  return state;
}

test('the token comes from the connection_init payload, whatever the case of its key, else from the header', () => {
  assert.equal(subscriptionAuthorization({ connectionParams: { Authorization: 'Bearer a.b.c' } }), 'Bearer a.b.c');
  assert.equal(subscriptionAuthorization({ connectionParams: { authorization: 'Bearer a.b.c' },
    request: { headers: headers('Bearer x.y.z') } }), 'Bearer a.b.c');
  assert.equal(subscriptionAuthorization({ connectionParams: {}, request: { headers: headers('Bearer x.y.z') } }),
    'Bearer x.y.z');
  assert.equal(subscriptionAuthorization({ connectionParams: { AUTHORIZATION: 42 } }), '', 'not a string: refused');
  assert.equal(subscriptionAuthorization({}), undefined);
});

test('a malformed or unverifiable token is refused with UNAUTHENTICATED; none is anonymous', async () => {
  const plugin = useSubscriptionIdentity({ verify: async (t) => (t === 'good.to.ken' ? { sub: 'u', exp: 9e9 } : null) });
  for (const authorization of ['Bearer', 'Basic abc', 'Bearer a.b.c d', 'Bearer wrong.to.ken', '']) {
    const { stopped } = await subscribe(plugin, { connectionParams: { Authorization: authorization } });
    assert.equal(stopped?.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', authorization);
  }
  const anonymous = await subscribe(plugin, { request: { headers: headers(null) } });
  assert.equal(anonymous.stopped, undefined);
  assert.equal(anonymous.context.chorusAuthorization, '');
  const signedIn = await subscribe(plugin, { connectionParams: { authorization: 'bearer good.to.ken' } });
  assert.equal(signedIn.stopped, undefined);
  assert.equal(signedIn.context.chorusAuthorization, 'Bearer good.to.ken', 'passed on to the subgraph as a header');
});

test('without a verifier the expiry is read from the token, which the services verify', () => {
  assert.equal(expiryOf(token({ sub: 'u', exp: 1234 })), 1234);
  assert.equal(expiryOf('not.a.token'), undefined);
  assert.equal(expiryOf(token({ sub: 'u' })), undefined);
});

test('the subscription ends at the token expiry with an UNAUTHENTICATED message, and upstream is ended', async () => {
  const upstream = ticking(20);
  const messages = [];
  for await (const message of untilExpiry(upstream.iterable, Date.now() + 150)) {
    messages.push(message);
  }
  const last = messages.at(-1);
  assert.equal(last.errors[0].extensions.code, 'UNAUTHENTICATED');
  assert.ok(messages.length >= 3, `the messages before expiry arrive: ${messages.length}`);
  assert.ok(messages.slice(0, -1).every((m) => m.data), 'data until then');
  assert.equal(upstream.ended, true, 'the subgraph subscription is ended too');
});

test('an already expired token ends at once; a far expiry does not fire early', async () => {
  const now = ticking(5);
  const first = await untilExpiry(now.iterable, Date.now() - 1000).next();
  assert.equal(first.value.errors[0].extensions.code, 'UNAUTHENTICATED');
  const far = ticking(5);
  const later = untilExpiry(far.iterable, Date.now() + 40 * 24 * 3600 * 1000); // beyond one Node timer
  assert.deepEqual((await later.next()).value, { data: { n: 1 } });
  await later.return();
  assert.equal(far.ended, true, 'a client leaving ends upstream');
});
