package io.logflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Measures one scenario inside its own JVM: wall time, process CPU time and the peak heap in use,
 * sampled every few milliseconds so that the figure is what was live, not what was reserved.
 */
final class Measurement {

    private static final long SAMPLE_MILLIS = 10;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private volatile long peakHeap;
    private long startWall;
    private long startCpu;
    private Thread sampler;

    /** Starts measuring after a full GC, so warm-up garbage does not count as this run's heap. */
    void start() {
        System.gc();
        peakHeap = memory.getHeapMemoryUsage().getUsed();
        running = true;
        sampler = new Thread(this::sample, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        startCpu = os.getProcessCpuTime();
        startWall = System.nanoTime();
    }

    /** Stops measuring; the figures of the interval since {@link #start()}. */
    Figures stop() throws InterruptedException {
        long wall = System.nanoTime() - startWall;
        long cpu = os.getProcessCpuTime() - startCpu;
        running = false;
        sampler.join();
        return new Figures(wall, cpu, peakHeap);
    }

    private void sample() {
        while (running) {
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used > peakHeap) {
                peakHeap = used;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Wall and CPU nanoseconds of the measured interval and its peak heap in bytes. */
    record Figures(long wallNanos, long cpuNanos, long peakHeapBytes) {}
}
