package io.logflow.bench.jmh;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.LogEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single updates of the sketches a window keeps, with the job's settings (KLL default k, HLL_8 lgK
 * 12, frequent items map 256), on values drawn from realistic events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SketchBenchmark {

    private double[] latencies;
    private String[] clients;
    private String[] paths;
    private int next;
    private final KllDoublesSketch kll = KllDoublesSketch.newHeapInstance();
    private final HllSketch hll = new HllSketch(12, TgtHllType.HLL_8);
    private final ItemsSketch<String> items = new ItemsSketch<>(256);

    @Setup
    public void setUp() {
        List<HttpInfo> http = new ArrayList<>();
        for (LogEvent e : BenchEvents.sample(4 * BenchEvents.COUNT, 23)) {
            if (e.getHttp() != null && http.size() < BenchEvents.COUNT) {
                http.add(e.getHttp());
            }
        }
        int n = BenchEvents.COUNT;
        latencies = new double[n];
        clients = new String[n];
        paths = new String[n];
        for (int i = 0; i < n; i++) {
            HttpInfo h = http.get(i % http.size());
            latencies[i] = h.getLatencyMs();
            clients[i] = h.getClientIp() == null ? "-" : h.getClientIp();
            paths[i] = h.getPath();
        }
    }

    private int index() {
        next = (next + 1) & (BenchEvents.COUNT - 1);
        return next;
    }

    @Benchmark
    public KllDoublesSketch kllUpdate() {
        kll.update(latencies[index()]);
        return kll;
    }

    @Benchmark
    public HllSketch hllUpdate() {
        hll.update(clients[index()]);
        return hll;
    }

    @Benchmark
    public ItemsSketch<String> itemsUpdate() {
        items.update(paths[index()]);
        return items;
    }
}
