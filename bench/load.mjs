// One load run with autocannon (pinned in package-lock.json). Argument: a file holding the JSON run description
//   {url, connections, duration, amount, body, unique, modulo, tokens, headers}
// `unique`: every request gets its own body (`__N__` becomes a run-unique number); `modulo`: `__M__` becomes
// n % modulo and `"__M_INT__"` the number 10 + n % modulo (requests rotate over that many variants, in their
// variables, as clients send them); `tokens`: request n is sent
// with tokens[n] as its bearer token. Prints one JSON line: requests, rps, latency percentiles (ms),
// non-2xx answers and answers with GraphQL `errors` (GraphQL answers errors with HTTP 200), and a sample error.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const target = new URL(spec.url);
let sent = 0;
let graphqlErrors = 0;
let sample = null;

const request = {
  method: 'POST',
  path: target.pathname,
  headers: { 'content-type': 'application/json', ...(spec.headers ?? {}) },
  setupRequest(req) {
    const n = sent++;
    const headers = { ...req.headers };
    if (spec.tokens) headers.authorization = `Bearer ${spec.tokens[n % spec.tokens.length]}`;
    let body = spec.unique ? spec.body.replaceAll('__N__', `${spec.runId}${n}`) : spec.body;
    if (spec.modulo) {
      body = body.replaceAll('"__M_INT__"', String(10 + (n % spec.modulo))).replaceAll('__M__', String(n % spec.modulo));
    }
    return { ...req, headers, body };
  },
  onResponse(status, body) {
    if (body.includes('"errors"')) {
      graphqlErrors++;
      sample ??= body.slice(0, 400);
    }
  },
};

const options = {
  url: target.origin,
  connections: spec.connections,
  requests: [request],
  timeout: 30,
};
if (spec.amount) options.amount = spec.amount; else options.duration = spec.duration;

const result = await autocannon(options);
const requests = result.requests.total;
console.log(JSON.stringify({
  requests,
  seconds: result.duration,
  rps: requests / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  meanMs: result.latency.mean,
  non2xx: result.non2xx + result.errors + result.timeouts,
  graphqlErrors,
  sample,
}));
