package com.scalemodels.recs.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalemodels.recs.replay.PutLimits;
import org.junit.jupiter.api.Test;

class PutBatchTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void aCallHoldsAtMost500Records() {
        PutBatch<Integer> batch = new PutBatch<>(PutLimits.KINESIS);
        for (int i = 0; i < 500; i++) {
            assertThat(batch.fits(10)).isTrue();
            batch.add(i, 10);
        }

        assertThat(batch.fits(10)).isFalse();
        assertThat(batch.drain()).hasSize(500);
        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.fits(10)).isTrue();
    }

    @Test
    void aCallHoldsAtMost5MiBCountingPartitionKeys() {
        PutBatch<Integer> batch = new PutBatch<>(PutLimits.KINESIS);
        for (int i = 0; i < 5; i++) {
            batch.add(i, MIB);
        }

        assertThat(batch.fits(1)).as("exactly 5 MiB is full").isFalse();
        batch.drain();
        for (int i = 0; i < 4; i++) {
            batch.add(i, MIB);
        }
        assertThat(batch.fits(MIB)).isTrue();
        assertThat(batch.fits(MIB + 1)).isFalse();
    }

    @Test
    void aRecordOverTheRecordLimitIsRefusedEvenAlone() {
        PutBatch<Integer> batch = new PutBatch<>(PutLimits.KINESIS);

        assertThatThrownBy(() -> batch.add(0, MIB + 1)).isInstanceOf(IllegalStateException.class);
        batch.add(0, MIB);
        assertThat(batch.drain()).containsExactly(0);
    }
}
