package com.scalemodels.recs.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The objects a replay has finished, so a re-run after a partial failure skips them. A text file: a header line
 * naming what it was written for (destination and --error-code filter), then one object URI per line, appended
 * and forced to disk as soon as every record of that object is on the stream (or can never be: undecodable,
 * oversize). An object with a record that failed after the last retry is not written, so the re-run puts the whole
 * object again: at-least-once, never lost. A line cut short by a crash is ignored (and cut off before the next
 * append), so its object is replayed.
 */
public final class Checkpoint implements AutoCloseable {

    static final String HEADER_PREFIX = "# failed-records-replay checkpoint v1 ";

    private static final Checkpoint NONE = new Checkpoint(null, Set.of(), null, true);

    private final Path file;
    private final Set<String> done;
    private final String header;
    private final boolean readOnly;
    private FileChannel channel;

    private Checkpoint(Path file, Set<String> done, String header, boolean readOnly) {
        this.file = file;
        this.done = done;
        this.header = header;
        this.readOnly = readOnly;
    }

    /** No checkpoint: nothing is skipped, nothing is written. */
    public static Checkpoint none() {
        return NONE;
    }

    /**
     * Reads {@code file} if it exists. {@code readOnly} (dry run) never creates or writes it.
     *
     * @param fingerprint what the file is for (destination, filter); a file written for something else is refused
     * @throws ReplayException naming {@code --checkpoint} when the file belongs to another replay or is unreadable
     */
    public static Checkpoint open(Path file, String fingerprint, boolean readOnly) {
        String header = HEADER_PREFIX + fingerprint;
        Set<String> done = new HashSet<>();
        if (Files.exists(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw ReplayException.usage("--checkpoint: cannot read " + file + ": " + e.getMessage());
            }
            List<String> lines = List.of(text.split("\n", -1));
            boolean headerCutShort = lines.size() == 1 && header.startsWith(text);
            if (!headerCutShort && !lines.get(0).equals(header)) {
                throw ReplayException.usage("--checkpoint: " + file + " was written for another replay ("
                        + lines.get(0).replace(HEADER_PREFIX, "") + "; this one is " + fingerprint
                        + "): give a new file");
            }
            // The last element is what follows the final newline: empty, or a line a crash cut short.
            for (String line : lines.subList(Math.min(1, lines.size()), Math.max(1, lines.size() - 1))) {
                if (!line.isBlank()) {
                    done.add(line);
                }
            }
        }
        return new Checkpoint(file, done, header, readOnly);
    }

    public boolean isDone(String uri) {
        return done.contains(uri);
    }

    public int size() {
        return done.size();
    }

    /** Records {@code uri} as done, durably, before returning. */
    public void markDone(String uri) {
        if (file == null || readOnly || !done.add(uri)) {
            return;
        }
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                channel.truncate(endOfLastLine()); // drop a line a crash cut short: it stays not done
                if (channel.size() == 0) {
                    write(header + "\n");
                }
            }
            write(uri + "\n");
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + file, e);
        }
    }

    /** The length of the file up to and including its last newline. */
    private long endOfLastLine() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the checkpoint " + file, e);
            }
            channel = null;
        }
    }
}
