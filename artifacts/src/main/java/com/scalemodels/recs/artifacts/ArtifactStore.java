package com.scalemodels.recs.artifacts;

import com.scalemodels.recs.artifacts.internal.FileArtifactSource;
import com.scalemodels.recs.artifacts.internal.ManifestParser;
import com.scalemodels.recs.artifacts.internal.S3ArtifactSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Brings the artifacts named by the source's {@code manifest.json} into a local cache, verified.
 *
 * <p>Layout: {@code <cacheDir>/<model_version>/} holds the files at their manifest paths, a copy of the manifest
 * and a {@code .verified} marker with the manifest's SHA-256. A download goes to a temporary sibling directory,
 * every file is checked against the manifest's size and SHA-256, the marker is written last, and only then is the
 * directory renamed into place atomically: a crash or a bad file never leaves a directory that looks usable.
 *
 * <p>A cache hit (marker present with the same manifest hash, every file of the listed size) reads nothing but
 * the manifest from the source; hashes are not recomputed, which keeps a Lambda cold start with a warm /tmp cheap.
 *
 * <p>{@code file://} folders are copied like S3 objects rather than read in place: one code path, and a running
 * function keeps an immutable snapshot even if someone rewrites the folder under it.
 */
public final class ArtifactStore {

    /** Where artifacts are cached unless {@code ARTIFACT_CACHE_DIR} says otherwise: Lambda's only writable disk. */
    public static final Path DEFAULT_CACHE_DIR = Path.of("/tmp/ml-artifacts");

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);
    static final String MANIFEST = "manifest.json";
    static final String MARKER = ".verified";
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    private final ArtifactSource source;
    private final Path cacheDir;
    private final ManifestParser parser = new ManifestParser();

    public ArtifactStore(ArtifactSource source, Path cacheDir) {
        this.source = Objects.requireNonNull(source, "source");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath();
    }

    /**
     * The store for {@code ML_ARTIFACTS_URI}, reading S3 with the SDK's default region and credentials over the
     * URL-connection HTTP client: it starts faster and is smaller than the Apache or Netty clients, and artifacts
     * are read once per process, so its throughput does not matter.
     */
    public static ArtifactStore forUri(URI uri, Path cacheDir) {
        return forUri(uri, cacheDir, () -> S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    /**
     * The store for an {@code s3://bucket[/prefix]} or {@code file:///path} location; {@code s3} is only called for
     * {@code s3://}, so local runs never build an AWS client.
     *
     * @throws InvalidArtifactsException for any other scheme
     */
    public static ArtifactStore forUri(URI uri, Path cacheDir, Supplier<S3Client> s3) {
        ArtifactSource source = switch (uri.getScheme() == null ? "" : uri.getScheme()) {
            case "s3" -> new S3ArtifactSource(s3.get(), uri.getHost(), uri.getPath());
            case "file" -> new FileArtifactSource(Path.of(uri));
            default -> throw new InvalidArtifactsException("artifact location must be s3:// or file://, got " + uri);
        };
        return new ArtifactStore(source, cacheDir);
    }

    /**
     * @throws InvalidArtifactsException naming the file when anything is missing, truncated, corrupt or malformed
     * @throws ArtifactsUnavailableException when the source or the cache cannot be read or written
     */
    public ModelArtifacts load() {
        byte[] manifestBytes = readManifest();
        Manifest manifest = parser.parse(manifestBytes);
        String manifestSha = sha256Hex(manifestBytes);
        Path target = cacheDir.resolve(manifest.modelVersion());
        if (isVerified(target, manifest, manifestSha)) {
            LOG.info("artifacts {}: cache hit in {}", manifest.modelVersion(), target);
            return new ModelArtifacts(manifest, target);
        }
        return download(manifest, manifestBytes, manifestSha, target);
    }

    private byte[] readManifest() {
        try (InputStream in = source.open(MANIFEST)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw new InvalidArtifactsException(source.describe(MANIFEST) + ": larger than " + MAX_MANIFEST_BYTES
                        + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new ArtifactsUnavailableException(source.describe(MANIFEST) + ": cannot read (" + e.getMessage() + ")",
                    e);
        }
    }

    private static boolean isVerified(Path dir, Manifest manifest, String manifestSha) {
        try {
            if (!manifestSha.equals(Files.readString(dir.resolve(MARKER), StandardCharsets.US_ASCII).strip())) {
                return false;
            }
            for (Map.Entry<String, Manifest.FileEntry> f : manifest.files().entrySet()) {
                if (Files.size(dir.resolve(f.getKey())) != f.getValue().bytes()) {
                    LOG.warn("artifacts {}: cached {} has the wrong size; downloading again",
                            manifest.modelVersion(), f.getKey());
                    return false;
                }
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            LOG.warn("artifacts {}: cache unreadable ({}); downloading again", manifest.modelVersion(),
                    e.getMessage());
            return false;
        }
    }

    private ModelArtifacts download(Manifest manifest, byte[] manifestBytes, String manifestSha, Path target) {
        Path temp;
        try {
            Files.createDirectories(cacheDir);
            temp = Files.createTempDirectory(cacheDir, ".download-" + manifest.modelVersion() + "-");
        } catch (IOException e) {
            throw new ArtifactsUnavailableException("artifact cache " + cacheDir + ": not writable (" + e.getMessage()
                    + ")", e);
        }
        try {
            long total = 0;
            for (Map.Entry<String, Manifest.FileEntry> f : manifest.files().entrySet()) {
                fetchVerified(f.getKey(), f.getValue(), temp.resolve(f.getKey()));
                total += f.getValue().bytes();
            }
            Files.write(temp.resolve(MANIFEST), manifestBytes);
            Files.writeString(temp.resolve(MARKER), manifestSha + "\n", StandardCharsets.US_ASCII);
            publish(temp, target, manifest, manifestSha);
            LOG.info("artifacts {}: downloaded and verified {} files ({} bytes) into {}", manifest.modelVersion(),
                    manifest.files().size(), total, target);
            return new ModelArtifacts(manifest, target);
        } catch (IOException e) {
            throw new ArtifactsUnavailableException("artifact cache " + cacheDir + ": cannot write (" + e.getMessage()
                    + ")", e);
        } finally {
            deleteRecursively(temp);
        }
    }

    private void fetchVerified(String path, Manifest.FileEntry expected, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = source.open(path);
             OutputStream out = new DigestOutputStream(Files.newOutputStream(destination), digest)) {
            size = copyAtMost(in, out, expected.bytes(), path);
        }
        if (size != expected.bytes()) {
            throw new InvalidArtifactsException(source.describe(path) + ": " + size + " bytes, manifest.json says "
                    + expected.bytes() + " (truncated?)");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected.sha256())) {
            throw new InvalidArtifactsException(source.describe(path) + ": sha256 mismatch (expected " + expected.sha256()
                    + ", got " + actual + ")");
        }
    }

    /** Copies, failing as soon as the stream is longer than expected rather than filling /tmp. */
    private long copyAtMost(InputStream in, OutputStream out, long limit, String path) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limit) {
                throw new InvalidArtifactsException(source.describe(path) + ": longer than the " + limit
                        + " bytes manifest.json says");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** Renames the verified directory into place; a stale unverified one is moved aside first. */
    private void publish(Path temp, Path target, Manifest manifest, String manifestSha) throws IOException {
        if (Files.exists(target)) {
            Path stale = Files.createTempDirectory(cacheDir, ".stale-" + manifest.modelVersion() + "-");
            Files.delete(stale);
            try {
                Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // another process removed it meanwhile
            }
            deleteRecursively(stale);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
            // Another process published the same version first; use it if it is complete.
            if (!isVerified(target, manifest, manifestSha)) {
                throw new ArtifactsUnavailableException("artifact cache " + target + ": another loader left an"
                        + " unverified directory", e);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete temporary artifact directory {}: {}", dir, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
