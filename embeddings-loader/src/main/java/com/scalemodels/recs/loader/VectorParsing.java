package com.scalemodels.recs.loader;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Converts the vector text of row batches on worker threads while the reading thread goes on with the CSV and the
 * ids, and hands the batches back in the order they were read, so problems are reported and rows COPYed in file
 * order exactly as a single thread would. Decimal-to-float conversion is most of the client's CPU; with zero
 * workers the batches are parsed on the calling thread.
 */
final class VectorParsing implements AutoCloseable {

    private final int dim;
    private final ExecutorService workers;
    private final int maxInFlight;
    private final ArrayDeque<Future<RowBatch>> inFlight = new ArrayDeque<>();
    private final ArrayDeque<RowBatch> free = new ArrayDeque<>();

    VectorParsing(int dim, int workerThreads) {
        this.dim = dim;
        this.workers = workerThreads == 0 ? null : Executors.newFixedThreadPool(workerThreads, r -> {
            Thread t = new Thread(r, "vector-parser");
            t.setDaemon(true);
            return t;
        });
        // Two batches per worker keep each busy while the reader fills the next one.
        this.maxInFlight = Math.max(1, 2 * workerThreads);
    }

    /** An empty batch to fill, reused when one is free. */
    RowBatch batch() {
        RowBatch b = free.poll();
        return b != null ? b.clear() : new RowBatch(dim);
    }

    /** Queues a filled batch; returns the oldest parsed batch when enough are in flight, else null. */
    RowBatch submit(RowBatch batch) throws InterruptedIOException {
        inFlight.add(workers == null ? CompletableFuture.completedFuture(batch.parseVectors())
                : workers.submit(batch::parseVectors));
        return inFlight.size() >= maxInFlight ? next() : null;
    }

    /** The oldest batch, parsed (waits for it); null when none is in flight. */
    RowBatch next() throws InterruptedIOException {
        Future<RowBatch> oldest = inFlight.poll();
        if (oldest == null) {
            return null;
        }
        try {
            return oldest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while parsing vectors");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Gives an emitted batch back for reuse. */
    void recycle(RowBatch batch) {
        free.add(batch);
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
