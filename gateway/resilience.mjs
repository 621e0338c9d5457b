// What one failing subgraph may cost a request: at most the request's deadline, and, while it keeps failing,
// nothing at all (README "Errors"). Hive Gateway has a per-call upstream timeout but neither a deadline per request
// nor a circuit breaker for subgraphs (its CircuitBreakerConfiguration guards only the Hive CDN), so both are here.
import { GraphQLError } from 'graphql';

/** The codes a subgraph answers with when it works: a result carrying only these is the subgraph answering. */
const ANSWERED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'UNAVAILABLE',
  'INTERNAL']);

/**
 * One deadline per request. Hive Gateway's `upstreamTimeout` applies to each subgraph call on its own, so a plan
 * with sequential steps that all wait on a hung subgraph took the timeout once per step. Given as `upstreamTimeout`
 * (which accepts a function), this gives each call only what is left of `timeoutMs` since the request arrived.
 * `plugin` notes the arrival and does not start a call with less than `floorMs` left (it could only time out, and
 * would count against a subgraph that did nothing wrong): its fields are null with an UNAVAILABLE error at once.
 */
export function requestDeadline(timeoutMs, { now = () => performance.now(), floorMs = Math.min(100, timeoutMs / 10) } = {}) {
  const arrived = new WeakMap();
  const remaining = (executionRequest) => {
    const request = executionRequest?.context?.request;
    const start = request ? arrived.get(request) : undefined;
    return start === undefined ? undefined : timeoutMs - (now() - start);
  };
  return {
    plugin: {
      onRequest({ request }) {
        arrived.set(request, now());
      },
      // a subscription is not a request that runs out of time: its stream lasts as long as the client wants, and
      // the calls made for each of its messages (other subgraphs' fields) each get the whole timeout
      onSubscribe({ args }) {
        const request = args?.contextValue?.request;
        if (request) arrived.delete(request);
      },
      onSubgraphExecute({ subgraphName, executionRequest, setExecutor }) {
        const left = remaining(executionRequest);
        if (left === undefined || left >= floorMs) return;
        setExecutor(() => ({
          data: null,
          errors: [new GraphQLError(`The request ran out of time (CHORUS_UPSTREAM_TIMEOUT_MS) before the ${subgraphName} `
            + "subgraph was asked; the fields it serves are null. Try again; a mutation sent now was not run.", {
            extensions: { code: 'UNAVAILABLE', subgraph: subgraphName },
          })],
        }));
      },
    },
    upstreamTimeout({ executionRequest }) {
      if (executionRequest?.operationType === 'subscription') return 0; // 0: no timeout, for the stream itself
      const left = remaining(executionRequest);
      // at least 1 ms: 0 would mean "no timeout"
      return left === undefined ? timeoutMs : Math.max(1, Math.ceil(left));
    },
  };
}

/**
 * A circuit breaker per subgraph. After `failures` calls in a row that did not get an answer (a timeout, a refused
 * or reset connection, anything but a GraphQL response with the services' codes), the subgraph is skipped for
 * `openMs`: its fields are null at once, with an UNAVAILABLE error naming it, instead of every request waiting for
 * the deadline. Then one call is let through; if it is answered the circuit closes, else it stays open for another
 * `openMs`. `failures` 0 turns it off. `onChange(subgraph, state)` hears 'open' and 'closed' (for the log).
 */
export function useCircuitBreaker({ failures = 3, openMs = 10_000, now = () => Date.now(), onChange = () => {} } = {}) {
  const circuits = new Map();
  const circuitOf = (name) => {
    let circuit = circuits.get(name);
    if (!circuit) {
      circuit = { failures: 0, openUntil: 0, trial: false };
      circuits.set(name, circuit);
    }
    return circuit;
  };
  const succeeded = (name, circuit) => {
    const wasOpen = circuit.openUntil !== 0;
    circuit.failures = 0;
    circuit.openUntil = 0;
    circuit.trial = false;
    if (wasOpen) onChange(name, 'closed');
  };
  const failed = (name, circuit) => {
    circuit.failures += 1;
    const wasTrial = circuit.trial;
    circuit.trial = false;
    if (wasTrial || circuit.failures >= failures) {
      circuit.openUntil = now() + openMs;
      onChange(name, 'open');
    }
  };
  const refusal = (name) => ({
    data: null,
    errors: [new GraphQLError(`The ${name} subgraph is failing and is skipped for a few seconds; the fields it `
      + "serves are null. Try again shortly; a mutation sent now was not run.", {
      extensions: { code: 'UNAVAILABLE', subgraph: name },
    })],
  });

  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      if (failures <= 0) return;
      setExecutor(function circuitBreakerExecutor(executionRequest) {
        const circuit = circuitOf(subgraphName);
        if (circuit.openUntil !== 0) {
          if (circuit.trial || now() < circuit.openUntil) return refusal(subgraphName);
          circuit.trial = true; // half open: this call tries the subgraph, the others are still refused
        }
        let result;
        try {
          result = executor(executionRequest);
        } catch (error) {
          failed(subgraphName, circuit);
          throw error;
        }
        return Promise.resolve(result).then((value) => {
          if (answered(value)) succeeded(subgraphName, circuit);
          else failed(subgraphName, circuit);
          return value;
        }, (error) => {
          failed(subgraphName, circuit);
          throw error;
        });
      });
    },
  };
}

/** A GraphQL response of the subgraph itself: data, or errors that all carry the services' codes. */
function answered(result) {
  if (!result || typeof result !== 'object') return false;
  if (Symbol.asyncIterator in result) return true; // a subscription stream
  if (!result.errors?.length) return true;
  return result.errors.every((error) => ANSWERED.has(error?.extensions?.code));
}
