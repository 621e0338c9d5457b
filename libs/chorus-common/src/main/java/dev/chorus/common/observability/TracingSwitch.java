package dev.chorus.common.observability;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing with one setting: on, exporting OTLP over HTTP to the collector that {@code CHORUS_OTLP_ENDPOINT} (or the
 * standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}) names, e.g. {@code http://collector:4318}; off (the SDK disabled,
 * nothing recorded) when neither is set. Quarkus' own properties set in the environment still win (ordinal 300).
 */
public class TracingSwitch implements ConfigSource {
    static final String DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";

    private final Map<String, String> values;

    public TracingSwitch() {
        this(System.getenv());
    }

    TracingSwitch(Map<String, String> environment) {
        String endpoint = endpoint(environment);
        values = endpoint == null ? Map.of(DISABLED, "true") : Map.of(DISABLED, "false", ENDPOINT, endpoint);
    }

    /** The collector named by the environment, or null. */
    static String endpoint(Map<String, String> environment) {
        for (String name : new String[] {"CHORUS_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "chorus-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 275; // over the application's properties (250), under the environment (300)
    }
}
