// Hive Gateway configuration for Chorus. Every setting can be changed through the environment (see README).
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { readFileSync } from 'node:fs';
import { createInlineSigningKeyProvider, defineConfig, useJWT } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { GraphQLError } from 'graphql';

const env = (name, fallback) => process.env[name] ?? fallback;
const number = (name, fallback) => Number(env(name, fallback));

/**
 * Bearer tokens (RS256) are checked here before planning when CHORUS_JWT_PUBLIC_KEY_FILE names the issuer's public
 * key (PEM): an invalid token is refused, a missing one is anonymous. The services check the token again.
 */
const publicKeyFile = env('CHORUS_JWT_PUBLIC_KEY_FILE', '');
const jwt = publicKeyFile
  ? [useJWT({
      signingKeyProviders: [createInlineSigningKeyProvider(readFileSync(publicKeyFile, 'utf8'))],
      tokenVerification: {
        algorithms: ['RS256'],
        issuer: env('CHORUS_JWT_ISSUER', 'https://chorus.local'),
        audience: env('CHORUS_JWT_AUDIENCE', 'chorus'),
      },
      reject: { missingToken: false, invalidToken: true },
    })]
  : [];

/** The codes the subgraphs answer with: their errors are meant for clients and pass unchanged. */
const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL']);

const isGraphQLError = (e) => e instanceof GraphQLError || e?.name === 'GraphQLError';
const isOriginalGraphQLError = (e) => isGraphQLError(e) && (!e.originalError || isOriginalGraphQLError(e.originalError));

/**
 * Errors leave with a stable code and without internals: the subgraphs' own errors pass; a subgraph that cannot
 * be reached or does not answer in time costs only its fields (null), and the error names it; the gateway's own
 * refusals (validation, depth, aliases, tokens) are BAD_USER_INPUT unless they carry a code, an invalid bearer token
 * is UNAUTHENTICATED (HTTP 401); anything else is INTERNAL without detail.
 */
function maskError(error) {
  const extensions = error?.extensions ?? {};
  const path = error?.path;
  if (CLIENT_CODES.has(extensions.code)) {
    return error;
  }
  if (extensions.serviceName) {
    return new GraphQLError(`The ${extensions.serviceName} subgraph did not answer; the fields it serves are null.`, {
      path,
      extensions: { code: 'INTERNAL', subgraph: extensions.serviceName },
    });
  }
  if (extensions.http?.status === 401 || /authentication token|unauthenticated/i.test(error?.message ?? '')) {
    return new GraphQLError('The bearer token is not valid: it must be an unexpired RS256 token of this issuer and audience.', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  if (isOriginalGraphQLError(error)) {
    return new GraphQLError(error.message, {
      nodes: error.nodes, path, extensions: { ...extensions, code: extensions.code ?? 'BAD_USER_INPUT' },
    });
  }
  return new GraphQLError('Internal error.', { path, extensions: { code: 'INTERNAL' } });
}

export const gatewayConfig = defineConfig({
  supergraph: env('CHORUS_SUPERGRAPH', './supergraph.graphql'),
  // the Rust query planner of Hive Router
  unifiedGraphHandler,
  transportEntries: {
    creators: { location: env('CHORUS_CREATORS_URL', 'http://localhost:8081/graphql') },
    content: { location: env('CHORUS_CONTENT_URL', 'http://localhost:8082/graphql') },
    events: { location: env('CHORUS_EVENTS_URL', 'http://localhost:8083/graphql') },
  },
  // a subgraph that does not answer in time fails its part of the query, not the whole query
  upstreamTimeout: number('CHORUS_UPSTREAM_TIMEOUT_MS', 5000),
  maxDepth: number('CHORUS_MAX_DEPTH', 16),
  maxTokens: number('CHORUS_MAX_TOKENS', 3000),
  plugins: () => [maxAliasesPlugin({ maxAliases: number('CHORUS_MAX_ALIASES', 20) }), ...jwt],
  // the caller's token goes on to the subgraphs, which verify it themselves
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  maskedErrors: { maskError },
  graphiql: env('CHORUS_GRAPHIQL', 'true') !== 'false',
  port: number('PORT', 4000),
});
