// Hive Gateway configuration for Chorus. Every setting can be changed through the environment (see README).
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GraphQLError } from 'graphql';
import { verifierFromEnvironment } from './identity.mjs';
import { useResponseCompression } from './compression.mjs';
import { useCodedRefusals, useRequestLimits } from './limits.mjs';
import { useSubscriptionIdentity } from './live.mjs';
import { requestDeadline, useCircuitBreaker } from './resilience.mjs';
import { loadTrustedDocuments, trustedDocuments } from './trusted.mjs';
import { tracingFromEnvironment, useFailedSubgraphSpans } from './tracing.mjs';

/** Headers that mark a request as sent by a GraphQL client, not by a cross-site form (README "Limits"). */
export const CSRF_HEADERS = ['x-graphql-csrf', 'graphql-preflight', 'apollo-require-preflight', 'x-apollo-operation-name'];

const env = (name, fallback) => process.env[name] ?? fallback;
const number = (name, fallback) => Number(env(name, fallback));

/**
 * Bearer tokens are checked here before planning (identity.mjs) when CHORUS_JWT_JWKS_URL names the issuer's key set
 * (an OpenID Connect provider's jwks_uri) or CHORUS_JWT_PUBLIC_KEY_FILE its public key (PEM): an invalid token is
 * refused, a missing one is anonymous. The services check the token again, by the same rules.
 */
const verify = verifierFromEnvironment(env);

/** Tracing, when CHORUS_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT names a collector (tracing.mjs). */
const openTelemetry = tracingFromEnvironment(env);

/**
 * content-service and events-service serve subscriptions over WebSocket only: the gateway forwards them so, with
 * the subscriber's token (from the upgrade request or the connection_init payload, live.mjs) on the upgrade request;
 * none is left out (anonymous). Subscriptions of one token share one connection per subgraph.
 */
const subscribedOverWebSocket = {
  kind: 'ws',
  headers: [['authorization', '{context.chorusAuthorization}']],
};

/** Introspection (and with it GraphiQL's schema explorer and "Did you mean" hints) can be switched off for prod. */
const introspection = env('CHORUS_INTROSPECTION', 'true') !== 'false';
const withoutSchemaHints = (message) => (introspection ? message : message.replace(/ ?Did you mean .*$/s, ''));

/** The codes the subgraphs answer with: their errors are meant for clients and pass with their code and field. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'UNAVAILABLE',
  'INTERNAL']);

const isGraphQLError = (e) => e instanceof GraphQLError || e?.name === 'GraphQLError';
const isOriginalGraphQLError = (e) => isGraphQLError(e) && (!e.originalError || isOriginalGraphQLError(e.originalError));

/**
 * Errors leave with a stable code and without internals: the subgraphs' own errors pass; a subgraph that cannot
 * be reached or does not answer in time costs only its fields (null), and the error (UNAVAILABLE) names it; the gateway's own
 * refusals (validation, depth, aliases, tokens, introspection) are BAD_USER_INPUT (an invalid bearer token never
 * gets here: limits.mjs refuses it before parsing); anything else is INTERNAL without detail.
 */
export function maskError(error) {
  const extensions = error?.extensions ?? {};
  const path = error?.path;
  if (CLIENT_CODES.has(extensions.code)) {
    // only what a client needs: no classification, no subgraph internals
    const kept = { code: extensions.code };
    if (extensions.field) kept.field = extensions.field;
    if (extensions.subgraph) kept.subgraph = extensions.subgraph; // the gateway's own UNAVAILABLE (resilience.mjs)
    if (extensions.http) kept.http = extensions.http;
    return new GraphQLError(error.message, { path, extensions: kept });
  }
  // a subgraph that cannot be reached or did not answer in time: the client may retry (UNAVAILABLE); a mutation
  // sent to it may or may not have happened, so its retry needs its idempotency key
  if (extensions.serviceName || extensions.code === 'GATEWAY_TIMEOUT') {
    const which = extensions.serviceName ? `The ${extensions.serviceName} subgraph` : 'A subgraph';
    const kept = { code: 'UNAVAILABLE' };
    if (extensions.serviceName) kept.subgraph = extensions.serviceName;
    return new GraphQLError(`${which} did not answer in time or could not be reached; the fields it serves are `
      + "null. Try again; a mutation's outcome is unknown: retry it with its idempotency key.", { path, extensions: kept });
  }
  if (isOriginalGraphQLError(error)) {
    const message = withoutSchemaHints(error.message);
    // the gateway's own refusals (GRAPHQL_VALIDATION_FAILED, depth, aliases, tokens, introspection, CSRF):
    // BAD_USER_INPUT, keeping the HTTP status Yoga chose (400 for a body or document that does not parse, 403 CSRF)
    const kept = { code: 'BAD_USER_INPUT' };
    if (extensions.http) kept.http = extensions.http;
    // Yoga answers "spec" errors 200 to clients accepting application/json. That suits a document that does not
    // parse or validate (it has locations), but a body that is not a GraphQL request at all (invalid JSON, no
    // query) is 400 whatever the client accepts, as GraphQL over HTTP says.
    if (kept.http?.spec && !(error.locations?.length || error.nodes?.length)) kept.http = { status: kept.http.status ?? 400 };
    return new GraphQLError(message, { nodes: error.nodes, path, extensions: kept });
  }
  return new GraphQLError('Internal error.', { path, extensions: { code: 'INTERNAL' } });
}

/**
 * Validation errors never reach maskError: they are coded here instead (BAD_USER_INPUT, as the subgraphs answer),
 * and lose their "Did you mean" schema hints when introspection is off.
 */
const codeValidationErrors = {
  onValidate() {
    return ({ valid, result }) => {
      if (valid) return;
      for (const error of result) {
        error.extensions.code = 'BAD_USER_INPUT';
        error.message = withoutSchemaHints(error.message);
      }
    };
  },
};

/**
 * Trusted documents for production (trusted.mjs): with CHORUS_TRUSTED_DOCUMENTS (a JSON file or an http(s) URL of
 * { "<id>": "<document>" }) only those documents run, by id; a store that does not load stops the gateway at start.
 */
const trustedStore = env('CHORUS_TRUSTED_DOCUMENTS', '');
const persistedDocuments = trustedStore ? trustedDocuments(await loadTrustedDocuments(trustedStore)) : undefined;

/** The whole request, however many sequential steps its plan has, answers within this (plus a small margin). */
const deadline = requestDeadline(number('CHORUS_UPSTREAM_TIMEOUT_MS', 5000));

export const gatewayConfig = defineConfig({
  supergraph: env('CHORUS_SUPERGRAPH', './supergraph.graphql'),
  // the Rust query planner of Hive Router
  unifiedGraphHandler,
  transportEntries: {
    creators: { location: env('CHORUS_CREATORS_URL', 'http://localhost:8081/graphql') },
    content: {
      location: env('CHORUS_CONTENT_URL', 'http://localhost:8082/graphql'),
      options: { subscriptions: subscribedOverWebSocket },
    },
    events: {
      location: env('CHORUS_EVENTS_URL', 'http://localhost:8083/graphql'),
      options: { subscriptions: subscribedOverWebSocket },
    },
  },
  // a subgraph that does not answer in time fails its part of the query, not the whole query; each call gets what
  // is left of the request's deadline
  upstreamTimeout: deadline.upstreamTimeout,
  maxDepth: number('CHORUS_MAX_DEPTH', 16),
  maxTokens: number('CHORUS_MAX_TOKENS', 3000),
  plugins: () => [
    useSubscriptionIdentity({ verify }),
    ...(openTelemetry ? [useFailedSubgraphSpans()] : []),
    useRequestLimits({
      maxBytes: number('CHORUS_MAX_REQUEST_BYTES', 102400),
      limit: number('CHORUS_RATE_LIMIT', 1200),
      windowMs: number('CHORUS_RATE_LIMIT_WINDOW_SECONDS', 60) * 1000,
      trustForwardedFor: env('CHORUS_TRUST_FORWARDED_FOR', 'false') === 'true',
      verify,
    }),
    // the plugin reads its limit from `n` (an option named maxAliases is ignored and its default, 15, applies);
    // every alias counts, __typename's too (the plugin's default exempts it)
    maxAliasesPlugin({ n: number('CHORUS_MAX_ALIASES', 20), allowList: [] }),
    codeValidationErrors,
    useCodedRefusals(),
    // a subgraph that keeps failing is skipped for a while, then tried again
    useCircuitBreaker({
      failures: number('CHORUS_CIRCUIT_FAILURES', 3),
      openMs: number('CHORUS_CIRCUIT_OPEN_MS', 10000),
      onChange: (subgraph, state) => console.warn(`[chorus] circuit of the ${subgraph} subgraph ${state}`),
    }),
    // after the breaker, so that it wraps it: a call the deadline does not start never counts as a failure
    deadline.plugin,
    useResponseCompression({ minBytes: number('CHORUS_COMPRESS_MIN_BYTES', 1024) }),
  ],
  // a browser may send a form or text/plain POST, or a GET, cross-site without a CORS preflight: such requests
  // must carry one of these headers, which a cross-site page cannot add without a preflight
  csrfPrevention: { requestHeaders: CSRF_HEADERS },
  disableIntrospection: { disableIf: () => !introspection },
  // the caller's token goes on to the subgraphs, which verify it themselves
  propagateHeaders: {
    fromClientToSubgraphs: ({ request, context }) => {
      // a subscription's own (live.mjs), which may have come in the connection_init payload
      const authorization = context?.chorusAuthorization ?? request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  maskedErrors: { maskError },
  // Prometheus metrics at /metrics: requests, errors and durations per GraphQL operation (name and type), and per
  // subgraph call (README "Observability")
  prometheus: {
    endpoint: '/metrics',
    metrics: {
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_error_result: true,
      graphql_yoga_http_duration: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
    },
    labels: { operationName: true, operationType: true, subgraphName: true },
  },
  ...(persistedDocuments ? { persistedDocuments } : {}),
  ...(openTelemetry ? { openTelemetry } : {}),
  graphiql: env('CHORUS_GRAPHIQL', 'true') !== 'false',
  port: number('PORT', 4000),
});
