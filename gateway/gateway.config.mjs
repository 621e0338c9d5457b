// Hive Gateway configuration for Chorus. Every setting can be changed through the environment (see README).
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { defineConfig } from '@graphql-hive/gateway';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';

const env = (name, fallback) => process.env[name] ?? fallback;
const number = (name, fallback) => Number(env(name, fallback));

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
  plugins: () => [maxAliasesPlugin({ maxAliases: number('CHORUS_MAX_ALIASES', 20) })],
  graphiql: env('CHORUS_GRAPHIQL', 'true') !== 'false',
  port: number('PORT', 4000),
});
