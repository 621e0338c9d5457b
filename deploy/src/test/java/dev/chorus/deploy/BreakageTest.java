package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The checks bite: each deliberate breakage of a rendered overlay is caught, and named. */
class BreakageTest {
    static final String DEV = OverlayTest.render("dev");
    static final String PROD = OverlayTest.render("prod");

    /** Breaks {@code yaml} by replacing the first {@code from} after {@code anchor}; asserts a problem mentions {@code expected}. */
    static void caught(String yaml, Checks.External external, String anchor, String from, String to, String expected) {
        int at = yaml.indexOf(anchor);
        assertTrue(at >= 0, "anchor not found: " + anchor);
        int i = yaml.indexOf(from, at);
        assertTrue(i >= 0, "not found after anchor: " + from);
        String broken = yaml.substring(0, i) + to + yaml.substring(i + from.length());
        List<String> problems;
        try {
            problems = Checks.problems(broken, external);
        } catch (RuntimeException e) {
            problems = List.of(String.valueOf(e.getMessage()));
        }
        List<String> found = problems;
        assertTrue(found.stream().anyMatch(p -> p.contains(expected)), () -> "expected a problem with '" + expected
                + "', got " + found);
    }

    @Test
    void theRendersAreCleanToStartWith() {
        assertEquals(List.of(), Checks.problems(DEV, OverlayTest.DEV_SECRETS));
        assertEquals(List.of(), Checks.problems(PROD, OverlayTest.PROD_SECRETS));
    }

    @Test
    void aTypoedFieldIsCaught() {
        caught(DEV, OverlayTest.DEV_SECRETS, "name: creator-service\n", "readinessProbe:", "readinesProbe:",
                "unknown field");
        caught(DEV, OverlayTest.DEV_SECRETS, "kind: Service", "targetPort:", "targetPorts:", "unknown field");
        caught(PROD, OverlayTest.PROD_SECRETS, "kind: Cluster", "instances:", "instance:", "unknown field spec.instance");
    }

    @Test
    void anUnknownKindIsCaught() {
        caught(DEV, OverlayTest.DEV_SECRETS, "", "kind: NetworkPolicy", "kind: NetworkPolicie", "unknown kind");
    }

    @Test
    void aWrongPortIsCaught() {
        caught(DEV, OverlayTest.DEV_SECRETS, "kind: Service", "targetPort: http", "targetPort: htp", "target port htp");
        caught(DEV, OverlayTest.DEV_SECRETS, "path: /q/health/ready", "port: http", "port: 8080", "probe port 8080");
        caught(DEV, OverlayTest.DEV_SECRETS, "CHORUS_CONTENT_URL", "content-service:8082", "content-service:8083",
                "uses port 8083");
    }

    @Test
    void aDanglingSecretOrConfigMapIsCaught() {
        caught(DEV, OverlayTest.DEV_SECRETS, "name: CHORUS_DB_PASSWORD", "key: password", "key: passwd",
                "has no key passwd");
        caught(DEV, OverlayTest.DEV_SECRETS, "name: CHORUS_DB_PASSWORD", "name: creators-db-credentials",
                "name: creators-db-secret", "Secret creators-db-secret is neither");
        caught(DEV, OverlayTest.DEV_SECRETS, "envFrom:", "name: chorus-identity", "name: chorus-identiti",
                "ConfigMap chorus-identiti is not in the render");
    }

    @Test
    void aSelectorMismatchIsCaught() {
        caught(DEV, OverlayTest.DEV_SECRETS, "  name: content-db\n  namespace: chorus-dev\nspec:\n  ports:",
                "selector:\n    app.kubernetes.io/name: content-db", "selector:\n    app.kubernetes.io/name: content-database",
                "selects no pods");
        caught(DEV, OverlayTest.DEV_SECRETS, "kind: Deployment", "matchLabels:\n      app.kubernetes.io/name: content-service",
                "matchLabels:\n      app.kubernetes.io/name: content-svc", "does not match its pod labels");
        caught(DEV, OverlayTest.DEV_SECRETS, "name: subgraphs-from-gateway-and-prometheus", "app.kubernetes.io/name: gateway",
                "app.kubernetes.io/name: gatewy", "selects no pods");
    }

    @Test
    void wrongWiringIsCaught() {
        caught(DEV, OverlayTest.DEV_SECRETS, "", "CHORUS_DB_HOST: events-db",
                "CHORUS_DB_HOST: content-db", "does not select the pods of StatefulSet events-db");
        caught(DEV, OverlayTest.DEV_SECRETS, "name: content-db-from-content-service", "app.kubernetes.io/name: content-service",
                "app.kubernetes.io/name: events-service", "lets {app.kubernetes.io/name=events-service} reach");
        caught(PROD, OverlayTest.PROD_SECRETS, "", "CHORUS_DB_HOST: creators-db-rw",
                "CHORUS_DB_HOST: creators-db-ro", "is not the primary");
        caught(DEV, OverlayTest.DEV_SECRETS, "", "image: ghcr.io/chorus-music/gateway:0.1.0",
                "image: ghcr.io/chorus-music/gateway:latest", "image not pinned");
        caught(DEV, OverlayTest.DEV_SECRETS, "", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
                "read-only root");
    }
}
