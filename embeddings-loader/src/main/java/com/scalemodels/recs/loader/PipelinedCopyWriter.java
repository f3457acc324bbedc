package com.scalemodels.recs.loader;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Streams the encoder's buffers to COPY on a second thread, so that parsing goes on while the socket write waits
 * for the server (a full socket buffer would otherwise stall the parser). The caller's thread keeps all of
 * validation, so problems are still found and reported in file order.
 *
 * <p>Buffers are copied into a small pool ({@value #BUFFERS} chunks): the parser runs at most that far ahead.
 * A write failure on the writer thread (server error, lost connection) is rethrown on the caller's next
 * {@link #write} or at {@link #finish}. {@link #close} always stops the writer before returning, so the caller may
 * then end or cancel the COPY on the connection.
 */
final class PipelinedCopyWriter implements BinaryCopyEncoder.ByteSink, AutoCloseable {

    private static final int BUFFERS = 4;

    /** One buffer and how much of it holds data; a null buffer ends the stream. */
    private static final class Chunk {
        byte[] bytes;
        int length;

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private static final Chunk END = new Chunk(null);

    private final BinaryCopyEncoder.ByteSink target;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread writer;
    private volatile Throwable failure;
    private boolean ended;

    PipelinedCopyWriter(BinaryCopyEncoder.ByteSink target) {
        this.target = target;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Chunk(new byte[0]));
        }
        writer = new Thread(this::drain, "copy-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException, SQLException {
        rethrowFailure();
        Chunk chunk = take(free);
        if (chunk.bytes.length < length) {
            chunk.bytes = new byte[length];
        }
        System.arraycopy(bytes, offset, chunk.bytes, 0, length);
        chunk.length = length;
        put(chunk);
    }

    /** Waits until everything written has reached the target; rethrows a write failure. */
    void finish() throws IOException, SQLException {
        stop();
        rethrowFailure();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private void stop() throws InterruptedIOException {
        if (!ended) {
            ended = true;
            put(END);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the COPY writer");
        }
    }

    /** The writer thread: writes chunks in order; after a failure it only recycles them, so the parser never blocks. */
    private void drain() {
        while (true) {
            Chunk chunk;
            try {
                chunk = full.take();
            } catch (InterruptedException e) {
                failure = e;
                return;
            }
            if (chunk == END) {
                return;
            }
            if (failure == null) {
                try {
                    target.write(chunk.bytes, 0, chunk.length);
                } catch (Throwable t) {
                    failure = t;
                }
            }
            free.add(chunk);
        }
    }

    private void rethrowFailure() throws IOException, SQLException {
        Throwable t = failure;
        if (t == null) {
            return;
        }
        if (t instanceof SQLException e) {
            throw e;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IOException("COPY writer failed: " + t, t);
    }

    private Chunk take(BlockingQueue<Chunk> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the COPY writer");
        }
    }

    private void put(Chunk chunk) throws InterruptedIOException {
        try {
            full.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the COPY writer");
        }
    }
}
