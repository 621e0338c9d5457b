package dev.chorus.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Offline checks of a rendered overlay: every object parses into the Kubernetes model with no unknown field or
 * kind, and every reference inside the render resolves (selectors, ports, probes, ConfigMaps, Secrets, the
 * databases and subgraphs each component talks to). {@link #problems} lists what is wrong; empty means nothing.
 */
final class Checks {
    /** The workloads' services and their databases, as the deployment wires them. */
    static final Map<String, String> DATABASES = Map.of("creator-service", "creators", "content-service", "content",
            "events-service", "events");
    static final Map<String, String> SUBGRAPH_URLS = Map.of("CHORUS_CREATORS_URL", "creator-service",
            "CHORUS_CONTENT_URL", "content-service", "CHORUS_EVENTS_URL", "events-service");
    /** Custom resources the render may hold (no schema offline) and the spec fields they may use. */
    static final Map<String, Set<String>> KNOWN_CUSTOM_KINDS = Map.of("postgresql.cnpg.io/v1/Cluster",
            Set.of("instances", "imageName", "primaryUpdateStrategy", "bootstrap", "storage", "resources",
                    "postgresql", "monitoring", "affinity", "backup"));

    /** Secrets the render references without holding them: each with its keys. */
    record External(Map<String, Set<String>> secrets) {
    }

    private final List<HasMetadata> objects;
    private final External external;
    private final List<String> problems = new ArrayList<>();

    private Checks(List<HasMetadata> objects, External external) {
        this.objects = objects;
        this.external = external;
    }

    /** Parses a multi-document render; an unknown kind parses as a {@link GenericKubernetesResource}. */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object object = Serialization.unmarshal(document);
            if (!(object instanceof HasMetadata resource)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document);
            }
            parsed.add(resource);
        }
        return parsed;
    }

    static List<String> problems(String yaml, External external) {
        Checks checks = new Checks(parse(yaml), external);
        checks.run();
        return checks.problems;
    }

    private void problem(HasMetadata where, String what) {
        problems.add(where.getKind() + "/" + where.getMetadata().getName() + ": " + what);
    }

    private void run() {
        for (HasMetadata object : objects) {
            if (object instanceof GenericKubernetesResource custom) {
                checkCustom(custom);
            } else {
                unknownFields(object, object, object.getKind());
            }
        }
        for (HasMetadata object : objects) {
            PodTemplateSpec template = template(object);
            if (template != null) {
                checkWorkload(object, selector(object), template);
            }
            if (object instanceof Service service) {
                checkService(service);
            }
            if (object instanceof NetworkPolicy policy) {
                checkPolicy(policy);
            }
            if (object instanceof HorizontalPodAutoscaler hpa
                    && find(hpa.getSpec().getScaleTargetRef().getKind(), hpa.getSpec().getScaleTargetRef().getName()) == null) {
                problem(hpa, "scales " + hpa.getSpec().getScaleTargetRef().getName() + ", which is not in the render");
            }
            if (object instanceof PodDisruptionBudget pdb && podsSelectedBy(pdb.getSpec().getSelector()).isEmpty()) {
                problem(pdb, "selects no pods");
            }
            if (object instanceof Ingress ingress) {
                checkIngress(ingress);
            }
        }
        checkDatabases();
        checkGateway();
    }

    // --- the schema

    private void checkCustom(GenericKubernetesResource custom) {
        String kind = custom.getApiVersion() + "/" + custom.getKind();
        Set<String> fields = KNOWN_CUSTOM_KINDS.get(kind);
        if (fields == null) {
            problem(custom, "unknown kind " + kind);
            return;
        }
        Object spec = custom.getAdditionalProperties().get("spec");
        if (spec instanceof Map<?, ?> map) {
            map.keySet().stream().filter(k -> !fields.contains(String.valueOf(k)))
                    .forEach(k -> problem(custom, "unknown field spec." + k));
        } else {
            problem(custom, "no spec");
        }
    }

    /** Any field the model does not know lands in additionalProperties: walk every model object for them. */
    private void unknownFields(HasMetadata owner, Object node, String path) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(owner, item, path + "[" + i++ + "]");
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(owner, v, path + "." + k));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        extra.keySet().forEach(k -> problem(owner, "unknown field " + path + "." + k));
                    }
                } else {
                    unknownFields(owner, value, path + "." + decapitalize(getter.getName().substring(3)));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    // --- workloads

    private static PodTemplateSpec template(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getTemplate();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getTemplate();
        }
        if (object instanceof Job j) {
            return j.getSpec().getTemplate();
        }
        return null;
    }

    private static LabelSelector selector(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec().getSelector();
        }
        if (object instanceof StatefulSet s) {
            return s.getSpec().getSelector();
        }
        return null;
    }

    private void checkWorkload(HasMetadata workload, LabelSelector selector, PodTemplateSpec template) {
        Map<String, String> labels = template.getMetadata().getLabels();
        if (selector != null && !matches(selector, labels)) {
            problem(workload, "selector " + selector.getMatchLabels() + " does not match its pod labels " + labels);
        }
        PodSpec pod = template.getSpec();
        boolean podNonRoot = pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot());
        boolean longRunning = !(workload instanceof Job);
        for (Container container : pod.getContainers()) {
            String image = container.getImage();
            if (image == null || !(image.contains("@sha256:") || image.matches(".*:[^/:]+$")) || image.endsWith(":latest")) {
                problem(workload, "image not pinned: " + image);
            }
            var resources = container.getResources();
            if (resources == null || resources.getRequests() == null || resources.getLimits() == null
                    || !resources.getRequests().keySet().containsAll(Set.of("cpu", "memory"))
                    || !resources.getLimits().keySet().containsAll(Set.of("cpu", "memory"))) {
                problem(workload, "container " + container.getName() + " without cpu and memory requests and limits");
            }
            var security = container.getSecurityContext();
            boolean nonRoot = podNonRoot || security != null && Boolean.TRUE.equals(security.getRunAsNonRoot());
            if (!nonRoot || security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                    || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                problem(workload, "container " + container.getName() + " must run as non-root with a read-only root "
                        + "file system and no privilege escalation");
            }
            if (longRunning) {
                for (var probe : Map.of("startup", nullSafe(container.getStartupProbe()), "liveness",
                        nullSafe(container.getLivenessProbe()), "readiness", nullSafe(container.getReadinessProbe()))
                        .entrySet()) {
                    if (probe.getValue() == NO_PROBE) {
                        problem(workload, "container " + container.getName() + " has no " + probe.getKey() + " probe");
                    } else if (probe.getValue().getHttpGet() != null) {
                        HTTPGetAction get = probe.getValue().getHttpGet();
                        if (!hasPort(List.of(container), get.getPort())) {
                            problem(workload, probe.getKey() + " probe port " + portText(get.getPort()) + " is not a port of "
                                    + container.getName());
                        }
                        if (get.getPath() == null || !get.getPath().startsWith("/")) {
                            problem(workload, probe.getKey() + " probe without a path");
                        }
                    }
                }
            }
            if (container.getEnvFrom() != null) {
                for (var source : container.getEnvFrom()) {
                    if (source.getConfigMapRef() != null && configMap(source.getConfigMapRef().getName()) == null) {
                        problem(workload, "envFrom ConfigMap " + source.getConfigMapRef().getName() + " is not in the render");
                    }
                    if (source.getSecretRef() != null) {
                        secretKey(workload, source.getSecretRef().getName(), null);
                    }
                }
            }
            if (container.getEnv() != null) {
                for (var variable : container.getEnv()) {
                    var from = variable.getValueFrom();
                    if (from != null && from.getSecretKeyRef() != null) {
                        secretKey(workload, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey());
                    }
                    if (from != null && from.getConfigMapKeyRef() != null) {
                        ConfigMap map = configMap(from.getConfigMapKeyRef().getName());
                        if (map == null || map.getData() == null || !map.getData().containsKey(from.getConfigMapKeyRef().getKey())) {
                            problem(workload, "ConfigMap key " + from.getConfigMapKeyRef().getName() + "/"
                                    + from.getConfigMapKeyRef().getKey() + " does not exist");
                        }
                    }
                }
            }
        }
        if (pod.getVolumes() != null) {
            for (var volume : pod.getVolumes()) {
                if (volume.getConfigMap() != null && configMap(volume.getConfigMap().getName()) == null) {
                    problem(workload, "volume ConfigMap " + volume.getConfigMap().getName() + " is not in the render");
                }
                if (volume.getSecret() != null) {
                    secretKey(workload, volume.getSecret().getSecretName(), null);
                }
            }
        }
    }

    private static final Probe NO_PROBE = new Probe();

    private static Probe nullSafe(Probe probe) {
        return probe == null ? NO_PROBE : probe;
    }

    private void secretKey(HasMetadata where, String name, String key) {
        Secret secret = (Secret) find("Secret", name);
        Set<String> keys;
        if (secret != null) {
            keys = new java.util.HashSet<>();
            if (secret.getData() != null) {
                keys.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                keys.addAll(secret.getStringData().keySet());
            }
        } else if (external.secrets().containsKey(name)) {
            keys = external.secrets().get(name);
        } else {
            problem(where, "Secret " + name + " is neither in the render nor declared external");
            return;
        }
        if (key != null && !keys.contains(key)) {
            problem(where, "Secret " + name + " has no key " + key + " (it has " + keys + ")");
        }
    }

    // --- services, policies, ingress

    private void checkService(Service service) {
        List<Container> containers = containersSelectedBy(service.getSpec().getSelector());
        if (containers.isEmpty()) {
            problem(service, "selector " + service.getSpec().getSelector() + " selects no pods");
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
            if (!hasPort(containers, target)) {
                problem(service, "target port " + portText(target) + " is not a port of the pods it selects");
            }
        }
    }

    private void checkPolicy(NetworkPolicy policy) {
        LabelSelector selector = policy.getSpec().getPodSelector();
        boolean all = selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty();
        List<Container> selected = all ? List.of() : containersSelectedBy(selector.getMatchLabels());
        if (!all && selected.isEmpty()) {
            problem(policy, "podSelector " + selector.getMatchLabels() + " selects no pods");
        }
        if (policy.getSpec().getIngress() == null) {
            return;
        }
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            if (rule.getFrom() != null) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && containersSelectedBy(peer.getPodSelector().getMatchLabels()).isEmpty()) {
                        problem(policy, "allows traffic from " + peer.getPodSelector().getMatchLabels()
                                + ", which selects no pods");
                    }
                }
            }
            if (rule.getPorts() != null && !selected.isEmpty()) {
                for (NetworkPolicyPort port : rule.getPorts()) {
                    if (port.getPort() != null && port.getPort().getStrVal() != null && !hasPort(selected, port.getPort())) {
                        problem(policy, "port " + port.getPort().getStrVal() + " is not a port of the pods it selects");
                    }
                }
            }
        }
    }

    private void checkIngress(Ingress ingress) {
        for (var rule : ingress.getSpec().getRules()) {
            for (var path : rule.getHttp().getPaths()) {
                var backend = path.getBackend().getService();
                Service service = (Service) find("Service", backend.getName());
                if (service == null) {
                    problem(ingress, "backend Service " + backend.getName() + " is not in the render");
                } else if (service.getSpec().getPorts().stream().noneMatch(p -> Objects.equals(p.getName(),
                        backend.getPort().getName()) || Objects.equals(p.getPort(), backend.getPort().getNumber()))) {
                    problem(ingress, "backend port " + backend.getPort() + " is not a port of Service " + backend.getName());
                }
            }
        }
    }

    // --- wiring: each service to its own database, the gateway to the three subgraphs

    private void checkDatabases() {
        DATABASES.forEach((service, database) -> {
            ConfigMap config = configMap(service + "-config");
            Deployment deployment = (Deployment) find("Deployment", service);
            if (config == null || deployment == null) {
                problems.add(service + ": Deployment or ConfigMap " + service + "-config missing");
                return;
            }
            String host = config.getData().get("CHORUS_DB_HOST");
            if (!database.equals(config.getData().get("CHORUS_DB_NAME"))) {
                problem(config, "CHORUS_DB_NAME is " + config.getData().get("CHORUS_DB_NAME") + ", not " + database);
            }
            String secret = database + "-db-credentials";
            boolean readsItsSecret = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                    .allMatch(e -> e.getValueFrom().getSecretKeyRef().getName().equals(secret));
            if (!readsItsSecret) {
                problem(deployment, "reads a database Secret other than " + secret);
            }
            HasMetadata cluster = find("Cluster", database + "-db");
            if (cluster != null) { // CloudNativePG: the primary is the Service <cluster>-rw
                if (!host.equals(database + "-db-rw")) {
                    problem(config, "CHORUS_DB_HOST " + host + " is not the primary of Cluster " + database + "-db");
                }
                Map<?, ?> initdb = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((GenericKubernetesResource) cluster)
                        .getAdditionalProperties().get("spec")).get("bootstrap")).get("initdb");
                if (!database.equals(initdb.get("database")) || !secret.equals(((Map<?, ?>) initdb.get("secret")).get("name"))) {
                    problem(cluster, "does not bootstrap database " + database + " with Secret " + secret);
                }
                onlyFrom(service, Map.of("cnpg.io/cluster", database + "-db"));
                return;
            }
            Service db = (Service) find("Service", host);
            StatefulSet set = (StatefulSet) find("StatefulSet", database + "-db");
            if (db == null || set == null) {
                problem(config, "CHORUS_DB_HOST " + host + " is not the Service of a database StatefulSet in the render");
                return;
            }
            if (!matches(db.getSpec().getSelector(), set.getSpec().getTemplate().getMetadata().getLabels())) {
                problem(db, "does not select the pods of StatefulSet " + set.getMetadata().getName());
            }
            String dbName = set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("POSTGRES_DB")).map(e -> e.getValue()).findFirst().orElse(null);
            if (!database.equals(dbName)) {
                problem(set, "creates database " + dbName + ", not " + database);
            }
            onlyFrom(service, set.getSpec().getTemplate().getMetadata().getLabels());
        });
    }

    /** The database pods ({@code dbPods}) accept, from this namespace's workloads, only {@code service}. */
    private void onlyFrom(String service, Map<String, String> dbPods) {
        List<NetworkPolicy> policies = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getSpec().getPodSelector().getMatchLabels() != null
                        && !p.getSpec().getPodSelector().getMatchLabels().isEmpty()
                        && matches(p.getSpec().getPodSelector().getMatchLabels(), dbPods))
                .toList();
        if (policies.isEmpty()) {
            problems.add("database of " + service + ": no NetworkPolicy selects its pods " + dbPods);
        }
        for (NetworkPolicy policy : policies) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom() == null ? List.<NetworkPolicyPeer> of() : rule.getFrom()) {
                    if (peer.getPodSelector() == null || peer.getNamespaceSelector() != null) {
                        continue;
                    }
                    Map<String, String> from = peer.getPodSelector().getMatchLabels();
                    boolean itsService = service.equals(from.get("app.kubernetes.io/name"));
                    boolean itsOwnPods = matches(from, dbPods);
                    if (!itsService && !itsOwnPods) {
                        problem(policy, "lets " + from + " reach the database of " + service);
                    }
                }
            }
        }
    }

    private static final Pattern URL = Pattern.compile("http://([a-z0-9-]+):(\\d+)/graphql");

    private void checkGateway() {
        ConfigMap config = configMap("gateway-config");
        if (config == null) {
            problems.add("gateway: ConfigMap gateway-config missing");
            return;
        }
        SUBGRAPH_URLS.forEach((variable, service) -> {
            String url = config.getData().get(variable);
            Matcher m = url == null ? null : URL.matcher(url);
            if (m == null || !m.matches()) {
                problem(config, variable + " is not an http://<service>:<port>/graphql URL: " + url);
                return;
            }
            Service target = (Service) find("Service", m.group(1));
            Deployment subgraph = (Deployment) find("Deployment", service);
            if (target == null || subgraph == null || !m.group(1).equals(service)) {
                problem(config, variable + " points at " + m.group(1) + ", not at the Service of " + service);
            } else if (target.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == Integer.parseInt(m.group(2)))) {
                problem(config, variable + " uses port " + m.group(2) + ", which Service " + m.group(1) + " does not expose");
            } else if (!matches(target.getSpec().getSelector(), subgraph.getSpec().getTemplate().getMetadata().getLabels())) {
                problem(target, "does not select the pods of " + service);
            }
        });
    }

    // --- helpers

    HasMetadata find(String kind, String name) {
        return find(objects, kind, name);
    }

    /** The object of this kind and name in a render, or null. */
    static HasMetadata find(List<HasMetadata> objects, String kind, String name) {
        return objects.stream().filter(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name))
                .findFirst().orElse(null);
    }

    private ConfigMap configMap(String name) {
        return (ConfigMap) find("ConfigMap", name);
    }

    /** The pods of the render: its workloads', and those a CloudNativePG Cluster makes (label cnpg.io/cluster). */
    private List<PodTemplateSpec> templates() {
        List<PodTemplateSpec> all = new ArrayList<>(objects.stream().map(Checks::template).filter(Objects::nonNull).toList());
        objects.stream().filter(o -> o instanceof GenericKubernetesResource && o.getKind().equals("Cluster"))
                .forEach(cluster -> all.add(new PodTemplateSpecBuilder().withNewMetadata()
                        .addToLabels("cnpg.io/cluster", cluster.getMetadata().getName()).endMetadata()
                        .withNewSpec().addNewContainer().withName("postgres")
                        .addNewPort().withName("postgresql").withContainerPort(5432).endPort()
                        .addNewPort().withName("status").withContainerPort(8000).endPort()
                        .endContainer().endSpec().build()));
        return all;
    }

    private List<PodTemplateSpec> podsSelectedBy(LabelSelector selector) {
        return templates().stream().filter(t -> matches(selector, t.getMetadata().getLabels())).toList();
    }

    private List<Container> containersSelectedBy(Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        return templates().stream().filter(t -> matches(selector, t.getMetadata().getLabels()))
                .flatMap(t -> t.getSpec().getContainers().stream()).toList();
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        return selector != null && matches(selector.getMatchLabels(), labels);
    }

    private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean hasPort(List<Container> containers, IntOrString port) {
        return containers.stream().flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.<ContainerPort> empty()
                : c.getPorts().stream()).anyMatch(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName())
                        : Objects.equals(port.getIntVal(), p.getContainerPort()));
    }

    private static String portText(IntOrString port) {
        return port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }

    /** Kind/name of every object, for the expected-set assertions. */
    static List<String> inventory(String yaml) {
        return parse(yaml).stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).sorted().toList();
    }
}
