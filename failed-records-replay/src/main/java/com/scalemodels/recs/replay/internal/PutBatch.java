package com.scalemodels.recs.replay.internal;

import com.scalemodels.recs.replay.PutLimits;
import java.util.ArrayList;
import java.util.List;

/** Entries waiting for one put call, never past the call's record count or byte limit. */
public final class PutBatch<T> {

    private final PutLimits limits;
    private final List<T> items = new ArrayList<>();
    private long bytes;

    public PutBatch(PutLimits limits) {
        this.limits = limits;
    }

    /** Whether an entry of {@code size} bytes can join this call. */
    public boolean fits(long size) {
        return items.size() < limits.maxRecords() && bytes + size <= limits.maxCallBytes();
    }

    public void add(T item, long size) {
        if (size > limits.maxRecordBytes() || !fits(size)) {
            throw new IllegalStateException("entry of " + size + " bytes does not fit: check fits() first");
        }
        items.add(item);
        bytes += size;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The entries, in order; the batch is empty afterwards. */
    public List<T> drain() {
        List<T> out = List.copyOf(items);
        items.clear();
        bytes = 0;
        return out;
    }
}
