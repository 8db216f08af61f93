package io.logflow.devstack.generator;

import java.util.SplittableRandom;

/**
 * Chooses, record by record, which {@link RecordKind} to write: malformed at the configured share
 * (the three kinds equally often), otherwise v2 at its share of the whole, else v1. Seeded apart
 * from the traffic model, so changing the shares leaves the events themselves unchanged.
 */
public final class RecordMix {

    private static final long SEED_SALT = 0x2545F4914F6CDD1DL;
    private static final RecordKind[] MALFORMED = {
        RecordKind.BAD_MAGIC, RecordKind.TRUNCATED_AVRO, RecordKind.UNKNOWN_SCHEMA_ID
    };

    private final double malformedShare;
    private final double v2Share;
    private final SplittableRandom rng;

    public RecordMix(long seed, double malformedShare, double v2Share) {
        if (!(malformedShare >= 0 && malformedShare <= 1)) {
            throw new IllegalArgumentException(
                    "malformedShare must be in [0, 1], got " + malformedShare);
        }
        if (!(v2Share >= 0 && v2Share <= 1)) {
            throw new IllegalArgumentException("v2Share must be in [0, 1], got " + v2Share);
        }
        if (malformedShare + v2Share > 1) {
            throw new IllegalArgumentException(
                    "malformedShare + v2Share must be <= 1, got "
                            + malformedShare
                            + " + "
                            + v2Share);
        }
        this.malformedShare = malformedShare;
        this.v2Share = v2Share;
        this.rng = new SplittableRandom(seed ^ SEED_SALT);
    }

    public RecordKind next() {
        double u = rng.nextDouble();
        if (u < malformedShare) {
            return MALFORMED[rng.nextInt(MALFORMED.length)];
        }
        return u < malformedShare + v2Share ? RecordKind.V2 : RecordKind.V1;
    }

    @Override
    public String toString() {
        return "malformedShare=" + malformedShare + ", v2Share=" + v2Share;
    }

    public boolean writesV2() {
        return v2Share > 0;
    }
}
