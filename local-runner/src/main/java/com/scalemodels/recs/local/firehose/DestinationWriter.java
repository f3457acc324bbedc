package com.scalemodels.recs.local.firehose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One Firehose destination prefix on the local disk, standing in for S3. Delivered bytes are buffered into the
 * current object like Firehose's S3 buffering (size and interval hints); a completed object is written to a
 * temporary file and moved into place, so a reader never sees half an object, as with an S3 PUT. Not thread-safe:
 * the simulator delivers from one thread.
 */
public final class DestinationWriter implements AutoCloseable {

    private final Path root;
    private final String prefix;
    private final FirehoseSettings settings;
    private final Clock clock;
    private final Supplier<UUID> uuids;
    private final List<Path> objects = new ArrayList<>();

    private ByteArrayOutputStream current;
    private Instant currentOldestArrival;
    private Instant currentOpenedAt;
    private long bytesWritten;

    public DestinationWriter(Path root, String prefix, FirehoseSettings settings, Clock clock, Supplier<UUID> uuids) {
        this.root = root;
        this.prefix = prefix;
        this.settings = settings;
        this.clock = clock;
        this.uuids = uuids;
    }

    /** Appends one delivery (already newline-terminated lines) to the current object. */
    public void append(Instant oldestArrival, byte[] data) {
        if (data.length == 0) {
            return;
        }
        if (current != null && Duration.between(currentOpenedAt, clock.instant())
                .compareTo(settings.objectInterval()) >= 0) {
            complete();
        }
        if (current == null) {
            current = new ByteArrayOutputStream();
            currentOldestArrival = oldestArrival;
            currentOpenedAt = clock.instant();
        }
        current.writeBytes(data);
        if (current.size() >= settings.objectBytes()) {
            complete();
        }
    }

    /** Completes the current object if its interval has passed: Firehose's S3 buffer flushes without new data. */
    public void tick() {
        if (current != null && Duration.between(currentOpenedAt, clock.instant())
                .compareTo(settings.objectInterval()) >= 0) {
            complete();
        }
    }

    /** Writes the current object, if any, to its final key. */
    public void complete() {
        if (current == null) {
            return;
        }
        Path target = root.resolve(ObjectNames.key(prefix, settings.streamName(), currentOldestArrival,
                uuids.get()));
        try {
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, current.toByteArray());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        bytesWritten += current.size();
        objects.add(target);
        current = null;
    }

    public List<Path> objects() {
        return List.copyOf(objects);
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    @Override
    public void close() {
        complete();
    }
}
