package io.logflow.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * The JSON and Avro paths of {@link DecodeBenchmark} timed by the thread's CPU time in alternating
 * rounds, each JSON figure as a ratio to the Avro path's in the same round: on a shared VM, where
 * other work steals the cores, CPU time per call and same-round ratios move far less than JMH's
 * wall-clock throughput. Usage: {@code DecodeCpuTime [rounds]} (default 15, of 100,000 calls).
 */
public final class DecodeCpuTime {

    private DecodeCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        DecodeBenchmark b = new DecodeBenchmark();
        b.setUp();
        String[] names = {
            "jobEventPathCompact", "jsonEventPath", "shortJsonEventPath", "jsonParse"
        };
        Callable<?>[] calls = {
            b::jobEventPathCompact, b::jsonEventPath, b::shortJsonEventPath, b::jsonParse
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] rate = new double[calls.length][rounds];
        double[][] ratio = new double[calls.length][rounds];
        Object sink = null;
        // Five rounds of warm-up, then the measured ones.
        for (int r = -5; r < rounds; r++) {
            for (int m = 0; m < calls.length; m++) {
                int n = 100_000;
                long from = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink = calls[m].call();
                }
                long cpu = threads.getCurrentThreadCpuTime() - from;
                if (r >= 0) {
                    rate[m][r] = n / (cpu / 1e9);
                }
            }
            for (int m = 0; r >= 0 && m < calls.length; m++) {
                ratio[m][r] = rate[m][r] / rate[0][r];
            }
        }
        for (int m = 0; m < calls.length; m++) {
            Arrays.sort(rate[m]);
            Arrays.sort(ratio[m]);
            System.out.printf(
                    "%-20s %,10.0f calls per CPU-second (median; %,.0f-%,.0f), %.2fx of the Avro"
                            + " path (median of rounds; quartiles %.2f-%.2f)%n",
                    names[m],
                    rate[m][rounds / 2],
                    rate[m][0],
                    rate[m][rounds - 1],
                    ratio[m][rounds / 2],
                    ratio[m][rounds / 4],
                    ratio[m][rounds * 3 / 4]);
        }
        System.out.println(sink != null ? "" : "no result");
        b.tearDown();
        System.exit(0);
    }
}
