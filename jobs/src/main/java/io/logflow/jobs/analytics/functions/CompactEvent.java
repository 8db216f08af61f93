package io.logflow.jobs.analytics.functions;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What the keyed operators behind the shuffle read of an event: the fields the window aggregates
 * and the template miner use, and the shuffled record it was decoded from, so that a late event
 * still leaves whole. The Avro decode skips logger, trace id, method, user agent and attributes
 * without building their strings (the attributes map alone was 7% of the keyed task); a raw format
 * fills method and user agent, which the normalize job writes out and analytics never reads.
 */
@TypeInfo(CompactEventTypeInfo.Factory.class)
public final class CompactEvent {

    /** Event time, epoch millis. */
    public long timestamp;

    public String service;
    public String host;
    public Level level;
    public String message;

    /** Whether the event carries HTTP fields; path to client IP mean something only then. */
    public boolean http;

    public String path;
    public int status;

    /** NaN when the event had none a request can have (see {@link EventDecoder}). */
    public double latencyMs;

    public long responseBytes;

    /** Nullable. */
    public String clientIp;

    /** Nullable; one of {@link HttpMethods}' shared strings for the common methods. */
    public String method;

    /** Nullable. */
    public String userAgent;

    /** The record this was decoded from; null when built from a {@link LogEvent}. */
    public ShuffledEvent origin;

    public CompactEvent() {}

    /**
     * The fields of a decoded event that the Avro projection keeps, without an origin: for tests,
     * in-memory sources and events of another writer schema.
     */
    public static CompactEvent of(LogEvent event) {
        CompactEvent e = new CompactEvent();
        e.timestamp = event.getTimestamp().toEpochMilli();
        e.service = event.getService();
        e.host = event.getHost();
        e.level = event.getLevel();
        e.message = event.getMessage();
        HttpInfo http = event.getHttp();
        if (http != null) {
            e.http = true;
            e.path = http.getPath();
            e.status = http.getStatus();
            e.latencyMs = http.getLatencyMs();
            e.responseBytes = http.getResponseBytes();
            e.clientIp = http.getClientIp();
            // No method or user agent: what the Avro projection reads, so both decodes agree.
        }
        return e;
    }

    /** Clears every field to what a line that says nothing gets, before a format fills it. */
    public CompactEvent reset(long timestamp, String service) {
        this.timestamp = timestamp;
        this.service = service;
        host = null;
        level = Level.INFO;
        message = null;
        http = false;
        path = null;
        status = 0;
        latencyMs = Double.NaN;
        responseBytes = 0;
        clientIp = null;
        method = null;
        userAgent = null;
        origin = null;
        return this;
    }

    /** Copies every field of {@code from}; the origin is shared, as nothing writes into it. */
    public CompactEvent copyFrom(CompactEvent from) {
        timestamp = from.timestamp;
        service = from.service;
        host = from.host;
        level = from.level;
        message = from.message;
        http = from.http;
        path = from.path;
        status = from.status;
        latencyMs = from.latencyMs;
        responseBytes = from.responseBytes;
        clientIp = from.clientIp;
        method = from.method;
        userAgent = from.userAgent;
        origin = from.origin;
        return this;
    }

    public boolean isError() {
        return level == Level.ERROR || level == Level.FATAL;
    }

    @Override
    public String toString() {
        return service + "@" + timestamp + " " + level + " " + message;
    }
}
