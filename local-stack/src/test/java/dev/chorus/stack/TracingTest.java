package dev.chorus.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.chorus.postgres.EmbeddedPostgresServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * One trace from the gateway through every subgraph to each SQL statement: the whole stack with tracing on
 * (CHORUS_OTLP_ENDPOINT, one setting for every component) exporting to an OTLP receiver of this test's own.
 */
class TracingTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path STATE = Path.of("target", "tracing-state").toAbsolutePath();
    static final HexFormat HEX = HexFormat.of();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A span as the receiver got it. */
    record Span(String service, String traceId, String spanId, String parentId, String name, int kind,
            boolean error, Map<String, String> attributes) {
        boolean server() {
            return kind == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER_VALUE;
        }
    }

    static final List<Span> SPANS = new CopyOnWriteArrayList<>();
    static final List<String> RECEIVER_PROBLEMS = new CopyOnWriteArrayList<>();
    static final List<String> HITS = new CopyOnWriteArrayList<>();
    static HttpServer receiver;
    static LocalStack stack;

    @BeforeAll
    static void startTheStackTracingToAReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            HITS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            try (InputStream body = exchange.getRequestBody()) {
                InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(body) : body;
                received(ExportTraceServiceRequest.parseFrom(in.readAllBytes()));
                byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
                exchange.getResponseBody().write(ok);
            } catch (IOException | RuntimeException | LinkageError e) {
                RECEIVER_PROBLEMS.add(exchange.getRequestHeaders().getFirst("Content-Type") + ": " + e);
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        receiver.start();
        String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
        stack = LocalStack.start(LocalStack.Settings.forTests(ROOT, STATE, Duration.ofSeconds(3))
                .withEnvironment(Map.of("CHORUS_OTLP_ENDPOINT", endpoint, "CHORUS_LOG_JSON", "true")), line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    static void stopEverything() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    static void received(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                    .findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span s : scope.getSpansList()) {
                    Map<String, String> attributes = new HashMap<>();
                    for (KeyValue a : s.getAttributesList()) {
                        attributes.put(a.getKey(), a.getValue().hasStringValue() ? a.getValue().getStringValue()
                                : a.getValue().toString().strip());
                    }
                    SPANS.add(new Span(service, HEX.formatHex(s.getTraceId().toByteArray()),
                            HEX.formatHex(s.getSpanId().toByteArray()), HEX.formatHex(s.getParentSpanId().toByteArray()),
                            s.getName(), s.getKindValue(), s.getStatus().getCodeValue()
                                    == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR_VALUE,
                            attributes));
                }
            }
        }
    }

    /** A new trace or span id: this many random bytes, in hex. */
    static String randomHex(int bytes) {
        return HEX.formatHex(java.security.SecureRandom.getSeed(bytes));
    }

    /** Asks for events while their subgraph or its database is down: UNAVAILABLE; answers the trace id used. */
    static String eventsQueryAnsweredUnavailable() throws Exception {
        String traceId = randomHex(16);
        JsonNode answer = traced(traceId, randomHex(8), "{ events(first: 1) { edges { node { title } } } }");
        assertEquals("UNAVAILABLE", answer.at("/errors/0/extensions/code").asText(), answer.toString());
        return traceId;
    }

    /** Sends a query through the gateway as a traced client would, with its own trace context. */
    static JsonNode traced(String traceId, String parentId, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.gatewayUrl()).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("traceparent", "00-" + traceId + "-" + parentId
                        + "-01").POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(
                                Map.of("query", query)))).build();
        HttpResponse<String> response = HTTP
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    /** The spans of a trace, once every one of {@code until} holds (the exporters send in batches, every few s). */
    static List<Span> trace(String traceId, Predicate<List<Span>> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        List<Span> spans = List.of();
        while (System.nanoTime() < deadline) {
            spans = SPANS.stream().filter(s -> s.traceId().equals(traceId)).toList();
            if (until.test(spans)) {
                Thread.sleep(2000); // and what else was on its way
                return SPANS.stream().filter(s -> s.traceId().equals(traceId)).toList();
            }
            Thread.sleep(250);
        }
        return spans;
    }

    static String describe(List<Span> spans) {
        StringBuilder out = new StringBuilder("\nreceiver problems: " + RECEIVER_PROBLEMS + "; hits " + HITS.stream().distinct().toList() + "; spans received: "
                + SPANS.size() + " from " + SPANS.stream().map(Span::service).distinct().toList());
        spans.forEach(s -> out.append("\n  ").append(s.service()).append(" ").append(s.name()).append(" ")
                .append(s.spanId()).append(" <- ").append(s.parentId()).append(s.error() ? " ERROR" : "")
                .append(" ").append(s.attributes()));
        return out.toString();
    }

    static Span parentOf(List<Span> spans, Span span) {
        return spans.stream().filter(p -> p.spanId().equals(span.parentId())).findFirst().orElse(null);
    }

    static boolean under(List<Span> spans, Span span, Span ancestor) {
        for (Span p = parentOf(spans, span); p != null; p = parentOf(spans, p)) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    static boolean sql(Span s) {
        return s.attributes().containsKey("db.system") || s.attributes().containsKey("db.system.name");
    }

    @Test
    void theReadmeQueryIsOneTraceFromTheGatewayThroughEverySubgraphToEachSqlStatement() throws Exception {
        String traceId = randomHex(16);
        String clientSpan = randomHex(8);
        JsonNode answer = traced(traceId, clientSpan, Files.readString(ROOT.resolve("gateway/example-query.graphql")));
        assertTrue(answer.at("/errors").isMissingNode(), answer.toString());
        assertEquals("林夏", answer.at("/data/creatorByHandle/displayName").asText());
        List<String> services = List.of("creator-service", "content-service", "events-service");
        List<Span> spans = trace(traceId, all -> services.stream().allMatch(service -> all.stream().anyMatch(
                s -> s.service().equals(service) && sql(s))) && all.stream().anyMatch(s -> s.service().equals(
                        "chorus-gateway") && s.parentId().equals(clientSpan)));
        String seen = describe(spans);

        // no orphan: every span's parent is the client's span or another span of the trace
        for (Span s : spans) {
            assertTrue(s.parentId().equals(clientSpan) || parentOf(spans, s) != null, "an orphan: " + s + seen);
        }
        List<Span> roots = spans.stream().filter(s -> s.parentId().equals(clientSpan)).toList();
        assertEquals(1, roots.size(), "one root, under the client's span: " + seen);
        assertEquals("chorus-gateway", roots.get(0).service(), seen);
        for (String service : services) {
            List<Span> servers = spans.stream().filter(s -> s.service().equals(service) && s.server()).toList();
            assertFalse(servers.isEmpty(), "a server span of " + service + seen);
            for (Span server : servers) {
                Span call = parentOf(spans, server);
                assertNotNull(call, seen);
                assertEquals("chorus-gateway", call.service(), "under a subgraph call of the gateway: " + server + seen);
            }
            List<Span> statements = spans.stream().filter(s -> s.service().equals(service) && sql(s)).toList();
            assertFalse(statements.isEmpty(), "SQL spans of " + service + seen);
            for (Span statement : statements) {
                assertTrue(servers.stream().anyMatch(server -> under(spans, statement, server)),
                        "a SQL span under its server span: " + statement + seen);
            }
        }
    }

    @Test
    void aSubgraphThatFailsLeavesAnErrorSpanNamingIt() throws Exception {
        stack.stopService("events-service");
        try {
            String traceId = eventsQueryAnsweredUnavailable();
            Predicate<Span> failedEvents = s -> s.service().equals("chorus-gateway") && s.error()
                    && s.name().equals("subgraph.execute (events)")
                    && "events".equals(s.attributes().get("hive.gateway.upstream.subgraph.name"));
            List<Span> spans = trace(traceId, all -> all.stream().anyMatch(failedEvents));
            assertTrue(spans.stream().anyMatch(failedEvents), "the gateway's span of the events call, failed:"
                    + describe(spans));
            String metrics = metrics();
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("graphql_gateway_subgraph_execute_errors")
                    && l.contains("subgraphName=\"events\"")), "the failed calls counted per subgraph:\n"
                            + grep(metrics, "subgraph_execute_errors"));
        } finally {
            stack.startService("events-service");
        }
    }

    static String metrics() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(stack.gatewayUrl().resolve("/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The three services' Prometheus metrics, one after the other. */
    static String serviceMetrics() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String service : List.of("creator-service", "content-service", "events-service")) {
            all.append(HTTP.send(HttpRequest.newBuilder(
                    stack.serviceUrl(service).resolve("/q/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body());
        }
        return all.toString();
    }

    static String grep(String text, String fragment) {
        return String.join("\n", text.lines().filter(l -> l.contains(fragment)).limit(20).toList());
    }

    @Test
    void theGatewayCountsRequestsErrorsAndDurationsPerOperationAndSubgraph() throws Exception {
        String traceId = randomHex(16);
        JsonNode answer = traced(traceId, randomHex(8), "query MetricsProbe { "
                + "creatorByHandle(handle: \"linxia\") { displayName works(first: 1) { totalCount } } }");
        assertTrue(answer.at("/errors").isMissingNode(), answer.toString());
        traced(traceId, randomHex(8), "query MetricsProbe { nope }");
        String metrics = metrics();
        Predicate<String> probe = l -> l.contains("operationName=\"MetricsProbe\"");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("graphql_envelop_request{") && probe.test(l)),
                "requests per operation:\n" + grep(metrics, "graphql_envelop_request{"));
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("graphql_envelop_request_duration_bucket") && probe.test(l)),
                "durations per operation:\n" + grep(metrics, "graphql_envelop_request_duration_count"));
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("graphql_envelop_error_result") && probe.test(l)),
                "errors per operation:\n" + grep(metrics, "graphql_envelop_error_result"));
        // every metric the Grafana dashboard (deploy/) asks for is exported by the gateway or a service
        String dashboard = Files.readString(ROOT.resolve("deploy/base/grafana/chorus-dashboard.json"));
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b((?:graphql|http)_[a-z_]+)[\\[{]")
                .matcher(dashboard);
        String services = serviceMetrics();
        int asked = 0;
        while (names.find()) {
            String name = names.group(1);
            asked++;
            assertTrue(metrics.contains("\n" + name + "{") || metrics.contains("\n" + name + " ")
                    || services.contains("\n" + name + "{"), "the dashboard asks for " + name + ", exported by none");
        }
        assertTrue(asked >= 6, "metrics the dashboard asks for: " + asked);
        for (String subgraph : List.of("creators", "content")) {
            assertTrue(metrics.lines().anyMatch(l -> l.startsWith("graphql_gateway_subgraph_execute_duration_count")
                    && l.contains("subgraphName=\"" + subgraph + "\"")), "durations per subgraph:\n"
                            + grep(metrics, "subgraph_execute_duration_count"));
        }
    }

    @Test
    void aServicesLogLinesOfARequestAreJsonCarryingItsTraceId() throws Exception {
        stack.stopDatabase("events-service");
        try {
            String traceId = eventsQueryAnsweredUnavailable();
            Path log = stack.logs().resolve("events-service.log");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<String> lines = List.of();
            while (System.nanoTime() < deadline && lines.isEmpty()) {
                lines = Files.readAllLines(log).stream().filter(l -> l.contains(traceId)).toList();
                Thread.sleep(200);
            }
            assertFalse(lines.isEmpty(), "a log line of the request, with its trace id");
            for (String line : lines) {
                JsonNode json = new ObjectMapper().readTree(line);
                assertEquals(traceId, json.at("/mdc/traceId").asText(), line);
                assertFalse(json.at("/message").asText().isEmpty(), line);
            }
            assertTrue(lines.stream().anyMatch(l -> l.contains("Database unavailable")), String.join("\n", lines));
        } finally {
            stack.startDatabase("events-service");
        }
    }

    @Test
    void anInternalErrorsReferenceLeadsToItsLogLineAndToItsSpan() throws Exception {
        // a fault of the service, not of the request: a column its queries need is gone for a moment
        String url = stack.databaseUrl("events-service");
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD)) {
            db.createStatement().execute("alter table event rename column description to description_gone");
            String traceId = randomHex(16);
            JsonNode answer;
            try {
                answer = traced(traceId, randomHex(8), "{ events(first: 1) { edges { node { title } } } }");
            } finally {
                db.createStatement().execute("alter table event rename column description_gone to description");
            }
            assertEquals("INTERNAL", answer.at("/errors/0/extensions/code").asText(), answer.toString());
            String message = answer.at("/errors/0/message").asText();
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("reference ([0-9a-f-]{36})").matcher(message);
            assertTrue(found.find(), "a reference in " + message);
            String reference = found.group(1);
            assertFalse(answer.toString().contains("description_gone") || answer.toString().contains("SQL"),
                    "no detail reaches the client: " + answer);

            Predicate<Span> marked = s -> s.service().equals("events-service") && s.error()
                    && reference.equals(s.attributes().get("chorus.error.reference"));
            List<Span> spans = trace(traceId, all -> all.stream().anyMatch(marked));
            assertTrue(spans.stream().anyMatch(marked), "a failed span of events-service with the reference:"
                    + describe(spans));

            Path log = stack.logs().resolve("events-service.log");
            List<String> lines = Files.readAllLines(log).stream().filter(l -> l.contains(reference)).toList();
            assertFalse(lines.isEmpty(), "the log line of the reference");
            JsonNode line = new ObjectMapper().readTree(lines.get(0));
            assertEquals(traceId, line.at("/mdc/traceId").asText(), "the log line carries the trace id: " + lines.get(0));
            assertEquals("ERROR", line.at("/level").asText(), lines.get(0));
        }
        JsonNode again = traced(randomHex(16), randomHex(8), "{ events(first: 1) { edges { node { title } } } }");
        assertTrue(again.at("/errors").isMissingNode(), "answers again once the column is back: " + again);
    }
}
