package io.logflow.jobs.alerts;

import io.logflow.devstack.generator.Incident;
import io.logflow.schema.Alert;
import io.logflow.schema.AlertKind;
import io.logflow.schema.AlertState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matches scripted incidents with the alerts a run raised. An incident is detected when exactly one
 * FIRING alert of its kind and service was decided by a window starting before {@code start + 2
 * windows} (and not before the window holding the start), and that alert's RESOLVED came after the
 * incident ended. A FIRING alert that detects no incident is a false positive.
 */
final class IncidentScore {

    final List<String> missed = new ArrayList<>();
    final List<Alert> falsePositives = new ArrayList<>();
    final List<Long> delaysMillis = new ArrayList<>();
    final int incidents;
    final int firing;
    final int detected;

    IncidentScore(List<Incident> scripted, Instant t0, long windowMillis, List<Alert> alerts) {
        Map<String, Alert> resolved = new HashMap<>();
        List<Alert> fired = new ArrayList<>();
        for (Alert a : alerts) {
            if (a.getState() == AlertState.RESOLVED) {
                resolved.put(a.getAlertId(), a);
            } else {
                fired.add(a);
            }
        }
        List<Alert> used = new ArrayList<>();
        int hits = 0;
        for (Incident incident : scripted) {
            long start = t0.toEpochMilli() + incident.startMillis();
            long end = t0.toEpochMilli() + incident.endMillis();
            long firstWindow = start - Math.floorMod(start, windowMillis);
            List<Alert> matches = new ArrayList<>();
            for (Alert a : fired) {
                long decided = a.getWindowStart().toEpochMilli();
                if (a.getService().equals(incident.service())
                        && a.getKind() == kindOf(incident)
                        && decided >= firstWindow
                        && decided < start + 2 * windowMillis) {
                    matches.add(a);
                }
            }
            Alert resolution =
                    matches.size() == 1 ? resolved.get(matches.get(0).getAlertId()) : null;
            if (matches.size() == 1
                    && resolution != null
                    && resolution.getEventTime().toEpochMilli() >= end) {
                hits++;
                delaysMillis.add(matches.get(0).getEventTime().toEpochMilli() - start);
            } else {
                missed.add(incident + " -> " + matches + " resolved " + resolution);
            }
            used.addAll(matches);
        }
        for (Alert a : fired) {
            if (!used.contains(a)) {
                falsePositives.add(a);
            }
        }
        this.incidents = scripted.size();
        this.firing = fired.size();
        this.detected = hits;
    }

    static AlertKind kindOf(Incident incident) {
        switch (incident.kind()) {
            case ERROR_SPIKE:
                return AlertKind.ERROR_RATE_SPIKE;
            case LATENCY:
                return AlertKind.LATENCY_REGRESSION;
            case SILENCE:
                return AlertKind.SILENCE;
            default:
                return AlertKind.NEW_ERROR_TEMPLATE;
        }
    }

    double recall() {
        return incidents == 0 ? 1.0 : (double) detected / incidents;
    }

    /** Share of FIRING alerts that detect an incident. */
    double precision() {
        return firing == 0 ? 1.0 : (double) (firing - falsePositives.size()) / firing;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "incidents=%d detected=%d firing=%d falsePositives=%d precision=%.3f recall=%.3f"
                        + " detectionDelayMs=%s%nmissed=%s%nfalse=%s",
                incidents,
                detected,
                firing,
                falsePositives.size(),
                precision(),
                recall(),
                delaysMillis,
                missed,
                falsePositives);
    }
}
