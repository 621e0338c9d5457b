package dev.chorus.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One run of the load tool (autocannon, through bench/load.mjs), bounded in time or count. */
final class Load {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int runs;

    /** What autocannon measured. */
    record Result(long requests, double seconds, double rps, double p50, double p99, long non2xx, long graphqlErrors,
            String sample) {
    }

    private Load() {
    }

    static Result run(Path bench, String url, String query, Map<String, Object> variables, int connections,
            int seconds, Integer amount, boolean unique, Integer modulo, List<String> tokens) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("url", url);
        spec.put("connections", connections);
        spec.put("duration", seconds);
        if (amount != null) {
            spec.put("amount", amount);
        }
        spec.put("unique", unique);
        if (modulo != null) {
            spec.put("modulo", modulo);
        }
        spec.put("runId", Integer.toString(++runs % 9 + 1) + (System.currentTimeMillis() % 1000));
        if (tokens != null) {
            spec.put("tokens", tokens);
        }
        try {
            spec.put("body", JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
            Path file = Files.createTempFile("chorus-load", ".json");
            Files.writeString(file, JSON.writeValueAsString(spec));
            Process process = new ProcessBuilder("node", "load.mjs", file.toString())
                    .directory(bench.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(Math.max(seconds, 60) + 120L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("the load tool failed: " + out);
            }
            Files.deleteIfExists(file);
            JsonNode r = JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
            return new Result(r.get("requests").asLong(), r.get("seconds").asDouble(), r.get("rps").asDouble(),
                    r.get("p50").asDouble(), r.get("p99").asDouble(), r.get("non2xx").asLong(),
                    r.get("graphqlErrors").asLong(), r.get("sample").isNull() ? null : r.get("sample").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
