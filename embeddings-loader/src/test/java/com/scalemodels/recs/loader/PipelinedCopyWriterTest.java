package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelinedCopyWriterTest {

    @Test
    void deliversEveryByteInOrderAndReusesNothingTheCallerStillOwns() throws Exception {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        Random random = new Random(3);
        byte[] buffer = new byte[70_000];
        try (PipelinedCopyWriter writer = new PipelinedCopyWriter(target::write)) {
            for (int i = 0; i < 500; i++) {
                int length = random.nextInt(buffer.length);
                random.nextBytes(buffer); // the caller overwrites its buffer right after each write
                int offset = random.nextInt(buffer.length - length + 1);
                writer.write(buffer, offset, length);
                expected.write(buffer, offset, length);
            }
            writer.finish();
        }
        assertThat(target.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aWriteFailureReachesTheCallerAndTheWriterStops() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        SQLException lost = new SQLException("connection lost", "08006");
        PipelinedCopyWriter writer = new PipelinedCopyWriter((b, o, l) -> {
            if (writes.incrementAndGet() == 3) {
                throw lost;
            }
        });
        byte[] chunk = new byte[100];
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1_000; i++) {
                writer.write(chunk, 0, chunk.length);
            }
            writer.finish();
        }).isSameAs(lost);
        writer.close();
        assertThat(writes.get()).isEqualTo(3);
    }
}
