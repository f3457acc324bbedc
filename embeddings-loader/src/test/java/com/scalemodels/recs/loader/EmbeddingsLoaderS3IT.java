package com.scalemodels.recs.loader;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.testing.S3ApiServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI loading the committed sample model from an S3 API (S3Proxy, in-process) through the artifact store. */
class EmbeddingsLoaderS3IT {

    @RegisterExtension
    static final S3ApiServer S3 = new S3ApiServer();

    private static final Path SAMPLE = Path.of("").toAbsolutePath().getParent().resolve("samples/ml-artifacts");
    private static final String BUCKET = "loader-ml-artifacts";
    private static final String VERSION = "classicmodels-42-8cd572ee42";

    @TempDir
    Path tmp;

    private TestDatabase db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        if (!S3.client().listBuckets().buckets().stream().anyMatch(b -> b.name().equals(BUCKET))) {
            S3.createBucket(BUCKET);
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    /** Uploads the sample folder under {@code prefix}, with {@code item_embeddings.csv} replaced if given. */
    private void upload(String prefix, byte[] itemCsv) throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String relative = SAMPLE.relativize(f).toString().replace('\\', '/');
                byte[] content = itemCsv != null && relative.equals(ArtifactStoreSource.ITEM_CSV)
                        ? itemCsv : Files.readAllBytes(f);
                S3.put(BUCKET, prefix + "/" + relative, content);
            }
        }
    }

    private int load(String uri, Path cache) {
        out.reset();
        err.reset();
        Map<String, String> env = new HashMap<>();
        env.put("VECTOR_DB_JDBC_URL", db.settings().url());
        env.put("VECTOR_DB_USER", db.settings().user());
        env.put("VECTOR_DB_PASSWORD", db.settings().password());
        env.put("HNSW_MAINTENANCE_WORK_MEM_MB", "64");
        env.put("ARTIFACT_CACHE_DIR", cache.toString());
        return EmbeddingsLoaderCli.run(new String[] {"--artifacts", uri}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                S3::client);
    }

    private static long dataRows(String csv) throws IOException {
        try (Stream<String> lines = Files.lines(SAMPLE.resolve(csv))) {
            return lines.filter(l -> !l.isBlank()).count() - 1;
        }
    }

    @Test
    void loadsTheSampleModelFromS3() throws Exception {
        upload("models/current", null);

        int code = load("s3://" + BUCKET + "/models/current", tmp.resolve("cache"));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        long items = dataRows(ArtifactStoreSource.ITEM_CSV);
        long users = dataRows(ArtifactStoreSource.USER_CSV);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("model version " + VERSION + " is live (" + items + " items, " + users + " users)");
        assertThat(db.strings("SELECT model_version FROM embedding_live_version")).containsExactly(VERSION);
        assertThat(db.strings("SELECT count(*) FROM item_emb")).containsExactly(Long.toString(items));
        assertThat(db.strings("SELECT embedding::text FROM item_emb WHERE id = 'S10_1264'"))
                .singleElement().asString().startsWith("[0.1781349,0.004448405,-0.20827547,");
        assertThat(tmp.resolve("cache/" + VERSION + "/" + ArtifactStoreSource.ITEM_CSV))
                .hasSameBinaryContentAs(SAMPLE.resolve(ArtifactStoreSource.ITEM_CSV));
    }

    @Test
    void aTamperedCsvIsInvalidInputAndLeavesTheDatabaseUntouched() throws Exception {
        upload("models/good", null);
        assertThat(load("s3://" + BUCKET + "/models/good", tmp.resolve("cache-good"))).isZero();
        List<String> tables = db.tables();
        List<String> versions = db.strings("SELECT * FROM embedding_versions ORDER BY table_id");
        List<String> items = db.strings("SELECT id, embedding::text FROM item_emb ORDER BY id");

        // Same size, one digit changed: the CSV is still valid, only its SHA-256 tells.
        byte[] tampered = Files.readAllBytes(SAMPLE.resolve(ArtifactStoreSource.ITEM_CSV));
        int digit = new String(tampered, StandardCharsets.US_ASCII).indexOf("0.16974528") + 3;
        tampered[digit] = (byte) (tampered[digit] == '9' ? '8' : '9');
        upload("models/tampered", tampered);
        // A fresh cache: the same model version is cached already from the good copy.
        int code = load("s3://" + BUCKET + "/models/tampered", tmp.resolve("cache-tampered"));

        assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("s3://" + BUCKET + "/models/tampered/embeddings/item_embeddings.csv: sha256 mismatch");
        assertThat(tmp.resolve("cache-tampered/" + VERSION)).doesNotExist();
        assertThat(db.tables()).isEqualTo(tables);
        assertThat(db.strings("SELECT * FROM embedding_versions ORDER BY table_id")).isEqualTo(versions);
        assertThat(db.strings("SELECT id, embedding::text FROM item_emb ORDER BY id")).isEqualTo(items);
    }
}
