package io.logflow.dashboard;

import io.logflow.schema.LogPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The log templates the dashboard shows, per service, upserted on (service, window start, template
 * id) and summed over a time range on demand. Bounded by the retention span and a cap of records
 * per service (oldest windows go first). Thread-safe.
 */
public final class PatternStore {

    /**
     * One template summed over a range: counts added up, text and example from its newest window.
     */
    public record TemplateTotal(
            long templateId,
            String template,
            long count,
            long errorCount,
            String example,
            Instant firstSeen,
            boolean isNew) {}

    private final Duration retention;
    private final int maxPerService;

    /** service → window start (ms) → template id → record. */
    private final Map<String, NavigableMap<Long, Map<Long, LogPattern>>> byService =
            new TreeMap<>();

    private final Map<String, Integer> sizes = new TreeMap<>();
    private Instant latestWindowEnd;

    public PatternStore(Duration retention, int maxPerService) {
        this.retention = retention;
        this.maxPerService = maxPerService;
    }

    /** Keeps {@code p}, replacing the record of the same key; returns whether anything changed. */
    public synchronized boolean upsert(LogPattern p) {
        NavigableMap<Long, Map<Long, LogPattern>> windows =
                byService.computeIfAbsent(p.getService(), s -> new TreeMap<>());
        Map<Long, LogPattern> templates =
                windows.computeIfAbsent(
                        p.getWindowStart().toEpochMilli(), w -> new LinkedHashMap<>());
        LogPattern previous = templates.put(p.getTemplateId(), p);
        if (p.equals(previous)) {
            return false;
        }
        if (previous == null) {
            sizes.merge(p.getService(), 1, Integer::sum);
        }
        if (latestWindowEnd == null || p.getWindowEnd().isAfter(latestWindowEnd)) {
            latestWindowEnd = p.getWindowEnd();
        }
        long oldest = latestWindowEnd.minus(retention).toEpochMilli();
        for (Map.Entry<String, NavigableMap<Long, Map<Long, LogPattern>>> s :
                byService.entrySet()) {
            NavigableMap<Long, Map<Long, LogPattern>> w = s.getValue();
            while (!w.isEmpty()
                    && (w.firstKey() < oldest || sizes.get(s.getKey()) > maxPerService)) {
                sizes.merge(s.getKey(), -w.pollFirstEntry().getValue().size(), Integer::sum);
            }
        }
        return true;
    }

    /** Whether {@code service} has any template window starting at or after {@code from}. */
    public synchronized boolean hasPatterns(String service, Instant from) {
        NavigableMap<Long, Map<Long, LogPattern>> windows = byService.get(service);
        return windows != null && windows.ceilingKey(from.toEpochMilli()) != null;
    }

    /**
     * The templates of {@code service} in windows starting at or after {@code from}, summed per
     * template id, most errors first (then most lines, then id).
     */
    public synchronized List<TemplateTotal> templates(String service, Instant from) {
        NavigableMap<Long, Map<Long, LogPattern>> windows = byService.get(service);
        if (windows == null) {
            return List.of();
        }
        Map<Long, TemplateTotal> sums = new LinkedHashMap<>();
        // Oldest window first, so the newest window's text and example win.
        for (Map<Long, LogPattern> window : windows.tailMap(from.toEpochMilli(), true).values()) {
            for (LogPattern p : window.values()) {
                sums.merge(p.getTemplateId(), single(p), PatternStore::add);
            }
        }
        List<TemplateTotal> out = new ArrayList<>(sums.values());
        out.sort(
                Comparator.comparingLong(TemplateTotal::errorCount)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(TemplateTotal::count).reversed())
                        .thenComparingLong(TemplateTotal::templateId));
        return out;
    }

    /** Number of stored records, across all services. */
    public synchronized int size() {
        return sizes.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static TemplateTotal single(LogPattern p) {
        return new TemplateTotal(
                p.getTemplateId(),
                p.getTemplate(),
                p.getCount(),
                p.getErrorCount(),
                p.getExample(),
                p.getFirstSeen(),
                p.getNewTemplate() || p.getNewError());
    }

    private static TemplateTotal add(TemplateTotal older, TemplateTotal newer) {
        return new TemplateTotal(
                newer.templateId(),
                newer.template(),
                older.count() + newer.count(),
                older.errorCount() + newer.errorCount(),
                newer.example().isEmpty() ? older.example() : newer.example(),
                older.firstSeen().isBefore(newer.firstSeen())
                        ? older.firstSeen()
                        : newer.firstSeen(),
                older.isNew() || newer.isNew());
    }
}
