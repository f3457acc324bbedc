package com.scalemodels.recs.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Objects under a local folder with Firehose's layout: the local runner's {@code out/processing-failed/}, or a
 * prefix copied down with {@code aws s3 sync}. Hidden files and in-flight {@code *.tmp} files are not objects.
 */
public final class FolderFailedRecordSource implements FailedRecordSource {

    private final Path root;

    public FolderFailedRecordSource(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public List<SourceObject> list() {
        if (!Files.isDirectory(root)) {
            throw ReplayException.source("--source: folder " + root + " does not exist", null);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().endsWith(".tmp"))
                    .map(this::object)
                    .sorted(Comparator.comparing(SourceObject::key))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw ReplayException.source("--source: cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private SourceObject object(Path file) {
        String key = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        try {
            return new SourceObject(file.toString(), key, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(SourceObject object) throws IOException {
        return Files.newInputStream(Path.of(object.uri()));
    }
}
