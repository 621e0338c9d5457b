// Subscriptions (issue 18): who subscribes, and for how long. A browser cannot set headers on a WebSocket, so its
// token may come in the connection_init payload ({"Authorization": "Bearer …"}); the token is checked when the
// subscription starts (a WebSocket never passes the HTTP checks of limits.mjs), goes on to the subgraph serving
// it, and the subscription ends, with an UNAUTHENTICATED error, when the token expires.
import { GraphQLError } from 'graphql';
import { INVALID_TOKEN, bearerToken } from './identity.mjs';

/** The longest a single timer may wait in Node (about 24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The Authorization of a subscription: the connection_init payload's (any case of the key), else the header's. */
export function subscriptionAuthorization(context) {
  const params = context?.connectionParams;
  if (params && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) {
      if (key.toLowerCase() === 'authorization') return typeof value === 'string' ? value : '';
    }
  }
  return context?.request?.headers?.get?.('authorization') ?? undefined;
}

/** The `exp` of a compact token, read without verifying it (to end no later than the token; the services verify). */
export function expiryOf(token) {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return Number.isFinite(claims?.exp) ? claims.exp : undefined;
  } catch {
    return undefined;
  }
}

const refused = () => ({ errors: [new GraphQLError(INVALID_TOKEN, { extensions: { code: 'UNAUTHENTICATED' } })] });
const expired = () => new GraphQLError('The token expired; the subscription has ended. Subscribe again with a new '
  + 'token.', { extensions: { code: 'UNAUTHENTICATED' } });

/**
 * A gateway plugin: refuses a subscription whose token is malformed or (with a verifier) does not verify, keeps
 * its Authorization in `context.chorusAuthorization` for the subgraphs, and ends it when the token expires.
 */
export function useSubscriptionIdentity({ verify, now = () => Date.now() }) {
  return {
    async onSubscribe({ context, extendContext, setResultAndStopExecution }) {
      const authorization = subscriptionAuthorization(context);
      const token = bearerToken(authorization);
      if (token === null) {
        setResultAndStopExecution(refused());
        return undefined;
      }
      let exp = token ? expiryOf(token) : undefined;
      if (token && verify) {
        const claims = await verify(token);
        if (!claims) {
          setResultAndStopExecution(refused());
          return undefined;
        }
        exp = claims.exp;
      }
      extendContext({ chorusAuthorization: token ? `Bearer ${token}` : '' });
      if (exp === undefined) return undefined;
      return {
        onSubscribeResult({ result, setResult }) {
          if (result && typeof result[Symbol.asyncIterator] === 'function') {
            setResult(untilExpiry(result, exp * 1000, now));
          }
        },
      };
    },
  };
}

/** Resolves at `at` (ms since the epoch), however far away; `cancel()` stops it. */
function alarm(at, now) {
  let timer;
  let cancelled = false;
  const promise = new Promise((resolve) => {
    const arm = () => {
      if (cancelled) return;
      const left = at - now();
      if (left <= 0) return resolve();
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      timer.unref?.();
    };
    arm();
  });
  return { promise, cancel: () => { cancelled = true; clearTimeout(timer); } };
}

/**
 * The messages of `iterable` until `expiresAt`; then one last message with an UNAUTHENTICATED error, and the
 * upstream subscription is ended.
 */
export function untilExpiry(iterable, expiresAt, now = () => Date.now()) {
  const iterator = iterable[Symbol.asyncIterator]();
  const EXPIRED = Symbol('expired');
  const clock = alarm(expiresAt, now);
  const timeUp = clock.promise.then(() => EXPIRED);
  let done = false;
  const finish = () => {
    done = true;
    clock.cancel();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (done) return { done: true, value: undefined };
      const step = await Promise.race([iterator.next(), timeUp]);
      if (step === EXPIRED) {
        finish();
        Promise.resolve(iterator.return?.()).catch(() => {});
        return { done: false, value: { errors: [expired()] } };
      }
      if (step.done) finish();
      return step;
    },
    async return(value) {
      finish();
      await iterator.return?.(value);
      return { done: true, value };
    },
    async throw(error) {
      finish();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
  };
}
