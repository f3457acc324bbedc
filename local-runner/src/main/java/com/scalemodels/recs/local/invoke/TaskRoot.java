package com.scalemodels.recs.local.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's {@code /var/task}: the folder its JVM starts in, whose {@code lib/} the runtime interface client
 * loads the function from. It holds a link to the deployment jar and, for each layer, the jars of its
 * {@code java/lib} (Lambda's {@code /opt/java/lib}, which the client also loads), extracted once into the cache.
 */
final class TaskRoot {

    private TaskRoot() {
    }

    /**
     * @param warnings told when the jar is older than its module's sources
     * @throws NotBuiltException when the jar or a layer is missing
     */
    static Path prepare(FunctionDefinition function, Path cacheDir, Consumer<String> warnings)
            throws IOException, NotBuiltException {
        requireBuilt(function.code());
        for (Path layer : function.layers()) {
            requireBuilt(layer);
        }
        if (olderThanSources(function.code())) {
            warnings.accept("warning: " + function.code() + " is older than its module's sources; rebuild it with"
                    + " ./mvnw -DskipTests package to run the current code");
        }
        Path root = cacheDir.resolve("lambda").resolve(function.name());
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> old = Files.list(lib)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(lib);
        Files.createSymbolicLink(lib.resolve(function.code().getFileName()), function.code());
        for (Path layer : function.layers()) {
            for (Path jar : extracted(layer, cacheDir.resolve("lambda-layers"))) {
                Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
            }
        }
        return root;
    }

    private static void requireBuilt(Path file) throws NotBuiltException {
        if (!Files.isRegularFile(file)) {
            throw new NotBuiltException(file + " is missing: build the deployment jars first with"
                    + " ./mvnw -DskipTests package");
        }
    }

    /** {@code <module>/target/deploy/x.jar} against {@code <module>/src/main}. */
    private static boolean olderThanSources(Path jar) throws IOException {
        Path sources = jar.getParent().getParent().getParent().resolve("src/main");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(Files::isRegularFile).anyMatch(p -> p.toFile().lastModified() > built.toMillis());
        }
    }

    /** The layer's {@code java/lib/*.jar}, extracted again only when the zip is newer than the extraction. */
    private static Path[] extracted(Path layer, Path layersDir) throws IOException {
        String name = layer.getFileName().toString().replaceFirst("\\.zip$", "");
        Path dir = layersDir.resolve(name);
        Path stamp = dir.resolve(".extracted");
        if (!Files.isRegularFile(stamp)
                || Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(layer)) < 0) {
            deleteTree(dir);
            Files.createDirectories(dir);
            try (ZipFile zip = new ZipFile(layer.toFile())) {
                for (ZipEntry entry : zip.stream().toList()) {
                    String entryName = entry.getName();
                    if (!entry.isDirectory() && entryName.startsWith("java/lib/") && entryName.endsWith(".jar")
                            && entryName.indexOf('/', "java/lib/".length()) < 0) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, dir.resolve(entryName.substring("java/lib/".length())),
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            Files.writeString(stamp, layer.toString());
        }
        try (Stream<Path> jars = Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toArray(Path[]::new);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
