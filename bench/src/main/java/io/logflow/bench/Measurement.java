package io.logflow.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures one scenario inside its own JVM: wall time, process CPU time, and heap sampled every few
 * milliseconds — the peak in use (garbage not yet collected included, so it tracks the young
 * generation's size) and the peak left after a collection (close to the live set).
 */
final class Measurement {

    private static final long SAMPLE_MILLIS = 10;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private volatile long peakHeap;
    private volatile long peakAfterGc;
    private final Set<String> heapPools =
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
    private long startWall;
    private long startCpu;
    private Thread sampler;

    /** Starts measuring after a full GC, so warm-up garbage does not count as this run's heap. */
    void start() {
        System.gc();
        peakHeap = memory.getHeapMemoryUsage().getUsed();
        peakAfterGc = peakHeap;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(this::collected, null, null);
        }
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
        return new Figures(wall, cpu, peakHeap, peakAfterGc);
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

    /** Notes the heap left after each collection, young or full. */
    private void collected(Notification n, Object handback) {
        if (!running
                || !n.getType()
                        .equals(
                                GarbageCollectionNotificationInfo
                                        .GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool :
                info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        synchronized (this) {
            peakAfterGc = Math.max(peakAfterGc, after);
        }
    }

    /** Wall and CPU nanoseconds of the measured interval and its peak heaps in bytes. */
    record Figures(long wallNanos, long cpuNanos, long peakHeapBytes, long peakAfterGcBytes) {}
}
