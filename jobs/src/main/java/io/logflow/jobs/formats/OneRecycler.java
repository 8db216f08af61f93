package io.logflow.jobs.formats;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;

/**
 * A recycler pool of one buffer recycler for a format instance, which one thread uses: the parser
 * of every line gets the same buffers back without Jackson's thread-local lookup (6% of a line's
 * parse in the profile). Not thread-safe, like the formats.
 */
final class OneRecycler implements RecyclerPool<BufferRecycler> {

    private static final long serialVersionUID = 1L;

    private transient BufferRecycler spare;

    @Override
    public BufferRecycler acquirePooled() {
        BufferRecycler r = spare;
        if (r == null) {
            return new BufferRecycler();
        }
        spare = null;
        return r;
    }

    @Override
    public void releasePooled(BufferRecycler r) {
        spare = r;
    }
}
