package io.logflow.devstack.generator;

import io.logflow.schema.HttpInfo;
import io.logflow.schema.Level;
import io.logflow.schema.LogEvent;
import java.util.SplittableRandom;

/**
 * Decides what one line says: a request's route, latency, status and template, or a line without a
 * request (debug detail, runtime chatter, a rare fatal). Level and status come from the same
 * template, so 5xx lines are ERROR and 4xx lines mostly WARN.
 */
final class LineComposer {

    // Shares of all lines; the rest are request lines. Tuned for a mix of ~80% INFO.
    private static final double DEBUG_SHARE = 0.10;
    private static final double RUNTIME_SHARE = 0.015;
    private static final double FATAL_SHARE = 0.0002;
    // Shares of request lines.
    private static final double CLIENT_ERROR_SHARE = 0.05;
    private static final double WARN_SHARE_OF_CLIENT_ERRORS = 0.85;
    private static final double TRACED_SHARE = 0.97;
    private static final double TRACED_DEBUG_SHARE = 0.6;
    private static final int CALL_TIMEOUT_MS = 3000;
    private static final double CLIENT_ERROR_MEDIAN_MS = 4;

    private static final Template[] DEBUG = {Template.CACHE_LOOKUP, Template.ROWS_LOADED};
    private static final Template[] RUNTIME = {Template.CONFIG_REFRESHED, Template.GC_PAUSE};
    private static final Template[] FATAL = {Template.OUT_OF_MEMORY, Template.GIVING_UP};

    private final SplittableRandom rng;
    private final ClientPool clients;
    private final IncidentSchedule incidents;
    private final MessageRenderer renderer;
    private final StringBuilder scratch = new StringBuilder(32);
    private HttpInfo spareHttp;

    LineComposer(SplittableRandom rng, ClientPool clients, IncidentSchedule incidents) {
        this.rng = rng;
        this.clients = clients;
        this.incidents = incidents;
        this.renderer = new MessageRenderer(rng);
    }

    /** Sets level, logger, message, trace id and HTTP info of {@code out}. */
    void compose(
            LogEvent out, ServiceProfile service, int serviceIndex, long offset, boolean fresh) {
        double u = rng.nextDouble();
        if (u < DEBUG_SHARE) {
            boolean traced = rng.nextDouble() < TRACED_DEBUG_SHARE;
            plainLine(out, service, DEBUG[rng.nextInt(DEBUG.length)], service.appLogger, traced);
        } else if (u < DEBUG_SHARE + RUNTIME_SHARE) {
            plainLine(
                    out,
                    service,
                    RUNTIME[rng.nextInt(RUNTIME.length)],
                    service.runtimeLogger,
                    false);
        } else if (u < DEBUG_SHARE + RUNTIME_SHARE + FATAL_SHARE) {
            plainLine(out, service, FATAL[rng.nextInt(FATAL.length)], service.runtimeLogger, false);
        } else {
            requestLine(out, service, serviceIndex, offset, fresh);
        }
    }

    private void plainLine(
            LogEvent out,
            ServiceProfile service,
            Template template,
            String logger,
            boolean traced) {
        out.setLevel(template.level());
        out.setLogger(logger);
        out.setMessage(renderer.render(template, service, 0, 0, 0, null));
        out.setTraceId(traced ? Sampling.traceId(rng, scratch) : null);
        if (out.getHttp() != null) {
            spareHttp = out.getHttp();
            out.setHttp(null);
        }
    }

    private void requestLine(
            LogEvent out, ServiceProfile service, int s, long offset, boolean fresh) {
        int route = Sampling.pick(service.routeCumulative, rng.nextDouble());
        double latency =
                Sampling.logNormal(rng, service.medianMs[route], service.sigma[route])
                        * incidents.latencyFactor(s, route, offset);
        double errorRate = incidents.errorRate(s, service.baseErrorRate, offset);
        double v = rng.nextDouble();
        int novel = incidents.newErrorVariant(s, offset);
        // Drawn only during a new-error incident, so traffic without one stays as it was.
        boolean novelError = novel >= 0 && rng.nextDouble() < IncidentSchedule.NEW_ERROR_SHARE;
        Template template;
        int status;
        if (novelError) {
            template = null;
            status = 500;
        } else if (v < errorRate) {
            template = service.errors[rng.nextInt(service.errors.length)];
            status = template.status();
            if (template == Template.CALL_TIMEOUT) {
                latency = CALL_TIMEOUT_MS + rng.nextInt(60) + rng.nextDouble();
            } else if (template == Template.CONNECTION_REFUSED) {
                latency = 0.3 + 4 * rng.nextDouble();
            }
        } else if (v < errorRate + CLIENT_ERROR_SHARE) {
            Template warning = service.warnings[rng.nextInt(service.warnings.length)];
            status = warning.status();
            // Rejected requests return before the real work, so they are fast.
            latency = Sampling.logNormal(rng, CLIENT_ERROR_MEDIAN_MS, 0.6);
            template = rng.nextDouble() < WARN_SHARE_OF_CLIENT_ERRORS ? warning : Template.ACCESS;
        } else {
            status = successStatus(service.methods[route]);
            template =
                    latency > TrafficModel.SLOW_REQUEST_MS
                            ? Template.SLOW_REQUEST
                            : Template.ACCESS;
        }
        // Rounded once, so the message and the latency field never disagree by a rounding.
        latency = Math.round(latency * 100) / 100.0;
        String clientIp = clients.ip(rng);
        out.setLevel(novelError ? Level.ERROR : template.level());
        out.setLogger(template == Template.ACCESS ? service.accessLogger : service.appLogger);
        out.setMessage(
                novelError
                        ? renderer.renderNewError(novel, service)
                        : renderer.render(template, service, route, status, latency, clientIp));
        out.setTraceId(rng.nextDouble() < TRACED_SHARE ? Sampling.traceId(rng, scratch) : null);
        HttpInfo http = httpHolder(out, fresh);
        http.setMethod(service.methods[route]);
        http.setPath(service.paths[route]);
        http.setStatus(status);
        http.setLatencyMs(latency);
        http.setResponseBytes(responseBytes(status));
        http.setClientIp(clientIp);
        http.setUserAgent(clients.userAgent(rng));
        out.setHttp(http);
    }

    private int successStatus(String method) {
        switch (method) {
            case "GET":
                return rng.nextInt(25) == 0 ? 304 : 200;
            case "POST":
                return rng.nextBoolean() ? 201 : 200;
            case "DELETE":
                return 204;
            default:
                return 200;
        }
    }

    private long responseBytes(int status) {
        if (status == 204 || status == 304) {
            return 0;
        }
        if (status >= 400) {
            return 80 + rng.nextInt(400);
        }
        return Math.round(Sampling.logNormal(rng, 2400, 0.9));
    }

    private HttpInfo httpHolder(LogEvent out, boolean fresh) {
        if (fresh) {
            return new HttpInfo();
        }
        if (out.getHttp() != null) {
            return out.getHttp();
        }
        if (spareHttp != null) {
            HttpInfo spare = spareHttp;
            spareHttp = null;
            return spare;
        }
        return new HttpInfo();
    }
}
