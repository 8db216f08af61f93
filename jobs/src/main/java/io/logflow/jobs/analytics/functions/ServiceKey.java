package io.logflow.jobs.analytics.functions;

import org.apache.flink.api.java.functions.KeySelector;

/** Windows are per service. */
public final class ServiceKey implements KeySelector<CompactEvent, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(CompactEvent event) {
        return event.service;
    }
}
