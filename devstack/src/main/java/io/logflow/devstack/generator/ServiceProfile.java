package io.logflow.devstack.generator;

import io.logflow.devstack.generator.ServiceCatalog.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One service as the model draws from it: routes with Zipf popularity and per-route latency, its
 * hosts (Kubernetes-style pod names, one canary on a newer version) and dependency addresses. Built
 * once per model from the seed; read-only afterwards.
 */
final class ServiceProfile {

    private static final double ROUTE_ZIPF_EXPONENT = 1.2;
    private static final String POD_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final String REGION = "eu-west-1";
    private static final String[] ZONES = {"eu-west-1a", "eu-west-1b", "eu-west-1c"};

    final String name;
    final double weight;
    final double baseErrorRate;
    final String[] methods;
    final String[] paths;
    final double[] medianMs;
    final double[] sigma;
    final double[] routeCumulative;
    final String[] hosts;
    final List<Map<String, String>> hostAttributes;
    final String[] dependencyNames;
    final int[] dependencyPorts;
    final String[][] dependencyIps;
    final Template[] errors;
    final Template[] warnings;
    final String component;
    final String accessLogger;
    final String appLogger;
    final String runtimeLogger;

    ServiceProfile(ServiceSpec spec, int hostCount, int serviceIndex, RandomGenerator rng) {
        this.name = spec.name();
        this.weight = spec.weight();
        this.baseErrorRate = spec.baseErrorRate();
        int routes = spec.routes().size();
        methods = new String[routes];
        paths = new String[routes];
        medianMs = new double[routes];
        sigma = new double[routes];
        for (int i = 0; i < routes; i++) {
            String[] parts = spec.routes().get(i).split(" ");
            methods[i] = parts[0];
            paths[i] = parts[1];
            medianMs[i] = Double.parseDouble(parts[2]);
            sigma[i] = Double.parseDouble(parts[3]);
        }
        routeCumulative = Sampling.zipf(routes, ROUTE_ZIPF_EXPONENT);
        hosts = new String[hostCount];
        @SuppressWarnings("unchecked")
        Map<String, String>[] attributes = new Map[hostCount];
        String replicaSet = randomWord(rng, 10);
        String canaryReplicaSet = randomWord(rng, 10);
        int major = 1 + rng.nextInt(3);
        int minor = rng.nextInt(30);
        int patch = rng.nextInt(10);
        for (int h = 0; h < hostCount; h++) {
            // The last of three or more hosts runs the next release, as a canary would.
            boolean canary = hostCount >= 3 && h == hostCount - 1;
            hosts[h] =
                    name
                            + "-"
                            + (canary ? canaryReplicaSet : replicaSet)
                            + "-"
                            + randomWord(rng, 5);
            String version = major + "." + (canary ? (minor + 1) + ".0" : minor + "." + patch);
            attributes[h] =
                    Map.of(
                            "pod",
                            hosts[h],
                            "version",
                            version,
                            "zone",
                            ZONES[h % ZONES.length],
                            "region",
                            REGION);
        }
        hostAttributes = List.of(attributes);
        int deps = spec.dependencies().size();
        dependencyNames = new String[deps];
        dependencyPorts = new int[deps];
        dependencyIps = new String[deps][];
        for (int d = 0; d < deps; d++) {
            String[] hostPort = spec.dependencies().get(d).split(":");
            dependencyNames[d] = hostPort[0];
            dependencyPorts[d] = Integer.parseInt(hostPort[1]);
            dependencyIps[d] = new String[2];
            for (int r = 0; r < dependencyIps[d].length; r++) {
                dependencyIps[d][r] =
                        "10." + (serviceIndex + 1) + "." + d + "." + (2 + rng.nextInt(250));
            }
        }
        errors = spec.errors().toArray(new Template[0]);
        warnings = spec.warnings().toArray(new Template[0]);
        component = spec.component();
        String base = "io.shop." + name + ".";
        accessLogger = base + "http.AccessLog";
        appLogger = base + component.substring(0, component.indexOf('.'));
        runtimeLogger = base + "runtime.Lifecycle";
    }

    /** The index of {@code path} among this service's routes, or -1. */
    int routeIndex(String path) {
        for (int i = 0; i < paths.length; i++) {
            if (paths[i].equals(path)) {
                return i;
            }
        }
        return -1;
    }

    /** The region a host runs in, for v2 records. */
    String region(int host) {
        return hostAttributes.get(host).get("region");
    }

    private static String randomWord(RandomGenerator rng, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = POD_ALPHABET.charAt(rng.nextInt(POD_ALPHABET.length()));
        }
        return new String(chars);
    }
}
