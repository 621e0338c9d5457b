package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;

/** Every overlay renders with the real kubectl into exactly the expected objects, and passes every check. */
class OverlayTest {
    /** dev: the db-credentials Job makes these Secrets in the cluster (see overlays/dev/db-credentials.yaml). */
    static final Checks.External DEV_SECRETS = new Checks.External(Map.of(
            "creators-db-credentials", Set.of("username", "password"),
            "content-db-credentials", Set.of("username", "password"),
            "events-db-credentials", Set.of("username", "password")));
    /** prod: existing Secrets the operator creates before applying (README "Deploying"). */
    static final Checks.External PROD_SECRETS = DEV_SECRETS;

    static String render(String overlay) {
        return Kubectl.kustomize(Kubectl.DEPLOY.resolve("overlays").resolve(overlay));
    }

    static List<String> common() {
        List<String> all = new ArrayList<>(List.of("ConfigMap/chorus-identity", "ConfigMap/gateway-config",
                "ConfigMap/chorus-grafana-dashboard", "ConfigMap/chorus-observability",
                "Deployment/gateway", "Service/gateway", "Ingress/gateway",
                "NetworkPolicy/default-deny-ingress", "NetworkPolicy/gateway-from-anywhere",
                "NetworkPolicy/subgraphs-from-gateway-and-prometheus"));
        for (String service : Checks.DATABASES.keySet()) {
            all.addAll(List.of("ConfigMap/" + service + "-config", "Deployment/" + service, "Service/" + service));
        }
        Checks.DATABASES.forEach((service, db) -> all.add("NetworkPolicy/" + db + "-db-from-" + service));
        return all;
    }

    static List<String> sorted(Stream<String> names) {
        return names.sorted().toList();
    }

    static List<String> withoutHash(List<String> inventory) {
        return sorted(inventory.stream().map(n -> n.startsWith("ConfigMap/gateway-supergraph-") ? "ConfigMap/gateway-supergraph" : n));
    }

    @Test
    void devRendersTheExpectedObjectsAndPassesEveryCheck() {
        String yaml = render("dev");
        List<String> expected = new ArrayList<>(common());
        expected.addAll(List.of("Namespace/chorus-dev", "ConfigMap/gateway-supergraph", "ServiceAccount/db-credentials",
                "Role/db-credentials", "RoleBinding/db-credentials", "Job/db-credentials"));
        for (String db : Checks.DATABASES.values()) {
            expected.addAll(List.of("StatefulSet/" + db + "-db", "Service/" + db + "-db"));
        }
        assertEquals(sorted(expected.stream()), withoutHash(Checks.inventory(yaml)));
        assertEquals(List.of(), Checks.problems(yaml, DEV_SECRETS));
    }

    @Test
    void prodRendersTheExpectedObjectsAndPassesEveryCheck() {
        String yaml = render("prod");
        List<String> expected = new ArrayList<>(common());
        expected.add("ConfigMap/gateway-supergraph");
        for (String db : Checks.DATABASES.values()) {
            expected.add("Cluster/" + db + "-db");
        }
        for (String name : List.of("creator-service", "content-service", "events-service", "gateway")) {
            expected.addAll(List.of("HorizontalPodAutoscaler/" + name, "PodDisruptionBudget/" + name));
        }
        assertEquals(sorted(expected.stream()), withoutHash(Checks.inventory(yaml)));
        assertEquals(List.of(), Checks.problems(yaml, PROD_SECRETS));
    }

    @Test
    void prodLimitsEachClientAddressAtTheIngressInFrontOfEveryGatewayReplica() {
        var ingress = Checks.find(Checks.parse(render("prod")), "Ingress", "gateway");
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertEquals("50", annotations.get("nginx.ingress.kubernetes.io/limit-rps"));
        assertEquals("5", annotations.get("nginx.ingress.kubernetes.io/limit-burst-multiplier"));
        assertEquals("100", annotations.get("nginx.ingress.kubernetes.io/limit-connections"));
        assertEquals("100k", annotations.get("nginx.ingress.kubernetes.io/proxy-body-size"));
        var devIngress = Checks.find(Checks.parse(render("dev")), "Ingress", "gateway");
        assertEquals(null, devIngress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/limit-rps"),
                "dev has no Ingress limit");
    }

    @Test
    void bothOverlaysLetSubscriptionsThroughTheIngress() {
        for (String overlay : List.of("dev", "prod")) {
            var annotations = Checks.find(Checks.parse(render(overlay)), "Ingress", "gateway").getMetadata()
                    .getAnnotations();
            assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"), overlay);
            assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"), overlay);
            assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"), overlay);
        }
    }

    /**
     * The Grafana dashboard is in both overlays, labelled for Grafana's sidecar, and renders: a dashboard Grafana
     * reads (uid, title, schema version), panels that do not overlap, each with a Prometheus query whose brackets
     * balance (TracingTest checks that every metric they name is exported).
     */
    @Test
    void theGrafanaDashboardRendersInBothOverlays() throws IOException {
        for (String overlay : List.of("dev", "prod")) {
            ConfigMap map = (ConfigMap) Checks.find(Checks.parse(render(overlay)), "ConfigMap", "chorus-grafana-dashboard");
            assertEquals("1", map.getMetadata().getLabels().get("grafana_dashboard"), overlay);
            var dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    map.getData().get("chorus-dashboard.json"));
            for (String field : List.of("uid", "title", "schemaVersion")) {
                assertTrue(dashboard.hasNonNull(field), field);
            }
            var panels = dashboard.get("panels");
            assertTrue(panels.size() >= 6, "panels: " + panels.size());
            java.util.Set<String> cells = new java.util.HashSet<>();
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (var panel : panels) {
                assertTrue(ids.add(panel.get("id").asInt()), "unique panel ids");
                var grid = panel.get("gridPos");
                for (int x = grid.get("x").asInt(); x < grid.get("x").asInt() + grid.get("w").asInt(); x++) {
                    for (int y = grid.get("y").asInt(); y < grid.get("y").asInt() + grid.get("h").asInt(); y++) {
                        assertTrue(x < 24 && cells.add(x + "," + y), "panels overlap or leave the 24 columns: "
                                + panel.get("title"));
                    }
                }
                assertEquals("prometheus", panel.at("/datasource/type").asText(), panel.get("title").asText());
                assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
                for (var target : panel.get("targets")) {
                    String expr = target.get("expr").asText();
                    assertTrue(expr.matches(".*[a-z_]+.*"), expr);
                    assertEquals(expr.chars().filter(c -> c == '(').count(), expr.chars().filter(c -> c == ')').count(),
                            expr);
                    assertEquals(expr.chars().filter(c -> c == '[').count(), expr.chars().filter(c -> c == ']').count(),
                            expr);
                }
            }
        }
    }

    @Test
    void theSupergraphConfigMapIsTheCommittedSupergraph() throws IOException {
        String committed = Files.readString(Kubectl.ROOT.resolve("gateway/supergraph.graphql"));
        for (String overlay : List.of("dev", "prod")) {
            ConfigMap map = Checks.parse(render(overlay)).stream().filter(ConfigMap.class::isInstance)
                    .map(ConfigMap.class::cast).filter(c -> c.getMetadata().getName().startsWith("gateway-supergraph-"))
                    .findFirst().orElseThrow();
            assertEquals(committed, map.getData().get("supergraph.graphql"), overlay);
        }
    }

    @Test
    void everyImageIsSetInOnePlaceAndPinned() {
        for (String overlay : List.of("dev", "prod")) {
            String yaml = render(overlay);
            for (String service : List.of("creator-service", "content-service", "events-service", "gateway")) {
                assertEquals(1, yaml.split("image: ghcr.io/chorus-music/" + service + ":0.1.0\n", -1).length - 1,
                        overlay + " " + service);
            }
        }
    }
}
