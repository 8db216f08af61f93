package io.logflow.jobs.analytics.functions;

import io.logflow.schema.LogEvent;
import org.apache.flink.api.java.functions.KeySelector;

/** Windows are per service. */
public final class ServiceKey implements KeySelector<LogEvent, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(LogEvent event) {
        return event.getService();
    }
}
