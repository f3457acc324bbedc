package com.scalemodels.recs.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.inference.contract.InferenceRequest;
import com.scalemodels.recs.inference.recommend.ItemCatalog;
import com.scalemodels.recs.session.SessionEvent;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50,000 batch requests through the real towers and the in-memory catalog copy: no NDArray outlives its request,
 * and the heap in use after a full GC, native memory (resident set minus what the JVM committed for heap and
 * non-heap) and direct buffers stay flat after warm-up. RSS alone would also count the Java heap growing toward
 * -Xmx, which is not a leak.
 */
class InferenceSoakIT {

    static final int REQUESTS = Integer.getInteger("soak.requests", 50_000);
    // Long enough for the heap, its GC structures and the JIT to reach their working size.
    static final int WARM_UP = Math.min(5_000, REQUESTS / 2);
    static final int BATCH = 8;
    static final long MAX_NATIVE_GROWTH_BYTES = 64L << 20;
    static final long MAX_DIRECT_GROWTH_BYTES = 8L << 20;
    static final long MAX_HEAP_GROWTH_BYTES = 16L << 20;

    @TempDir
    Path work;

    @Test
    void memoryStaysFlatOver50000Requests() throws Exception {
        try (SampleCatalog catalog = new SampleCatalog("soak_it");
             InferenceRuntime runtime = InferenceRuntime.start(SampleCatalog.config(catalog.vectorDb(), work))) {
            assertThat(runtime.catalog().mode()).isEqualTo(ItemCatalog.Mode.IN_MEMORY);
            List<SessionEvent> sessions = SampleModelIT.sampleSessions();
            long heapAfterWarmUp = 0;
            int arraysAfterWarmUp = 0;
            long nativeAfterWarmUp = 0;
            long directAfterWarmUp = 0;
            for (int r = 0; r < REQUESTS; r++) {
                int from = (r * BATCH) % (sessions.size() - BATCH);
                InferenceRequest request = new InferenceRequest("soak-" + r, 10, 5, sessions.subList(from, from + BATCH));
                assertThat(runtime.service().recommend(request).results()).hasSize(BATCH);
                if (r == WARM_UP) {
                    System.gc();
                    heapAfterWarmUp = heapUsed();
                    arraysAfterWarmUp = runtime.userTower().liveArrays();
                    nativeAfterWarmUp = nativeBytes();
                    directAfterWarmUp = directBytes();
                }
            }
            System.gc();

            assertThat(heapUsed() - heapAfterWarmUp).as("heap growth over %d requests", REQUESTS - WARM_UP)
                    .isLessThan(MAX_HEAP_GROWTH_BYTES);
            assertThat(runtime.userTower().liveArrays()).as("NDArrays held after %d requests", REQUESTS)
                    .isEqualTo(arraysAfterWarmUp);
            assertThat(nativeBytes() - nativeAfterWarmUp).as("native memory growth over %d requests", REQUESTS - WARM_UP)
                    .isLessThan(MAX_NATIVE_GROWTH_BYTES);
            assertThat(directBytes() - directAfterWarmUp).as("direct buffer growth").isLessThan(MAX_DIRECT_GROWTH_BYTES);
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long nativeBytes() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return residentBytes() - memory.getHeapMemoryUsage().getCommitted() - memory.getNonHeapMemoryUsage().getCommitted();
    }

    private static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}
