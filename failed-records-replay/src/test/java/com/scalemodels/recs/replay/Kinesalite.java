package com.scalemodels.recs.replay;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/**
 * kinesalite (a Kinesis-compatible server, in memory) in a child {@code node} process on an ephemeral loopback
 * port, for one test class. Where it is not installed, the tests skip with one line; under {@code CI=true} they fail
 * instead, since .ci/run installs it. The child exits when its stdin closes, so nothing outlives the JVM.
 */
final class Kinesalite implements BeforeAllCallback, AfterAllCallback {

    static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local-test-access-key", "local-test-secret-key"));
    static final String INSTALL = "mkdir -p .local-services/kinesalite && cp failed-records-replay/src/test/kinesalite/"
            + "package*.json .local-services/kinesalite/ && npm ci --omit=optional --prefix .local-services/kinesalite";

    private Process process;
    private URI endpoint;
    private KinesisClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String missing = missing();
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("kinesalite is required under CI=true (.ci/run installs it): " + missing);
            }
            String line = "kinesalite not installed (" + missing + "): skipping " + context.getDisplayName()
                    + "; install it with: " + INSTALL;
            System.err.println(line);
            Assumptions.abort(line);
        }
        start();
    }

    /** Why kinesalite cannot be started here, or null when it can. */
    static String missing() {
        Path node = onPath("node");
        Path pkg = packageDir();
        return node == null ? "no node on PATH" : !Files.isDirectory(pkg) ? "no kinesalite in "
                + pkg.toAbsolutePath().normalize() : null;
    }

    private static Path packageDir() {
        return Path.of(System.getProperty("recs.kinesalite.dir", repoPath(".local-services/kinesalite").toString()))
                .resolve("node_modules/kinesalite");
    }

    /** A path under the repository root, from the root (bench.sh) or from the module folder (Maven). */
    private static Path repoPath(String relative) {
        Path fromRoot = Path.of(relative);
        return Files.exists(fromRoot) || Files.isDirectory(Path.of("failed-records-replay")) ? fromRoot
                : Path.of("..").resolve(relative);
    }

    /** Starts the server; outside JUnit, call {@link #close()} when done. */
    void start() throws IOException, InterruptedException {
        Path node = onPath("node");
        if (node == null) {
            throw new IllegalStateException("no node on PATH");
        }
        Path workdir = Path.of(System.getProperty("recs.kinesalite.workdir",
                repoPath("failed-records-replay/target/kinesalite").toString()));
        Files.createDirectories(workdir);
        Path launcher = Path.of(System.getProperty("recs.kinesalite.launcher",
                repoPath("failed-records-replay/src/test/kinesalite/server.js").toString()));
        process = new ProcessBuilder(node.toString(), launcher.toAbsolutePath().toString(),
                packageDir().toAbsolutePath().toString())
                .directory(workdir.toFile())
                .redirectError(workdir.resolve("kinesalite-" + ProcessHandle.current().pid() + ".err").toFile())
                .start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first;
        try {
            first = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new IllegalStateException("kinesalite did not start within 60 s", e);
        }
        if (first == null || !first.startsWith("kinesalite listening on ")) {
            close();
            throw new IllegalStateException("kinesalite did not start: " + first + " (see " + workdir + ")");
        }
        endpoint = URI.create("http://127.0.0.1:" + first.substring("kinesalite listening on ".length()).strip());
        client = KinesisClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    void close() throws IOException, InterruptedException {
        if (client != null) {
            client.close();
            client = null;
        }
        if (process != null) {
            process.getOutputStream().close(); // the launcher exits when its stdin ends
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** A plain client for this server (owned by it: do not close). */
    KinesisClient client() {
        return client;
    }

    /** Creates a stream and returns once it is ACTIVE. */
    void createStream(String name, int shards) {
        client.createStream(b -> b.streamName(name).shardCount(shards));
        try (KinesisWaiter waiter = KinesisWaiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                        .maxAttempts(500))
                .build()) {
            waiter.waitUntilStreamExists(b -> b.streamName(name)).matched().exception().ifPresent(e -> {
                throw new IllegalStateException("stream " + name + " did not become active", e);
            });
        }
    }

    /** Every record on every shard of the stream, from the start. */
    List<Record> readAll(String stream) {
        List<Record> out = new ArrayList<>();
        for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = client.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String it = iterator;
                GetRecordsResponse page = client.getRecords(b -> b.shardIterator(it).limit(10_000));
                out.addAll(page.records());
                iterator = page.records().isEmpty() ? null : page.nextShardIterator();
            }
        }
        return out;
    }
}
