// Tracing (issue 20): off unless CHORUS_OTLP_ENDPOINT (or the standard OTEL_EXPORTER_OTLP_ENDPOINT) names a collector
// taking OTLP over HTTP, e.g. http://collector:4318. On, each request gets a trace (continuing the client's
// `traceparent` if it sent one), with spans for its GraphQL phases, the plan and each subgraph call, whose W3C trace
// context goes on to the subgraph, so that the services' spans (and their SQL statements') join the same trace.
import { openTelemetrySetup } from '@graphql-hive/plugin-opentelemetry/setup';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';

/** The collector's base URL from the environment, or null (tracing off). */
export function collector(env) {
  for (const name of ['CHORUS_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT']) {
    const value = env(name, '').trim();
    if (value) return value.replace(/\/+$/, '');
  }
  return null;
}

/**
 * Sets up the OpenTelemetry SDK when a collector is named; answers the gateway's `openTelemetry` option (or
 * undefined: no plugin, nothing recorded).
 */
export function tracingFromEnvironment(env) {
  const endpoint = collector(env);
  if (!endpoint) return undefined;
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: env('OTEL_SERVICE_NAME', 'chorus-gateway') },
    traces: { exporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }) },
  });
  return { traces: true, propagateContext: true, inheritContext: true };
}

/**
 * A gateway plugin: a subgraph call that fails as a whole (no data: unreachable, timed out, its circuit open) marks
 * its `subgraph.execute (<name>)` span failed, so that the trace names the subgraph that failed (the transport
 * answers such a failure as a GraphQL result, which the span would otherwise count as a success). A no-op when
 * tracing is off.
 */
export function useFailedSubgraphSpans() {
  return {
    onSubgraphExecute({ subgraphName }) {
      const span = trace.getActiveSpan();
      if (!span) return undefined;
      return ({ result }) => {
        if (result && !result.data && result.errors?.length) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: `the ${subgraphName} subgraph failed` });
          span.setAttribute('chorus.subgraph.failed', subgraphName);
        }
      };
    },
  };
}
