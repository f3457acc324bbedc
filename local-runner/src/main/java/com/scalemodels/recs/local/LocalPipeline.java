package com.scalemodels.recs.local;

import com.scalemodels.recs.local.firehose.Backoff;
import com.scalemodels.recs.local.firehose.FirehoseSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline on one machine, batch and streaming, on sample data: what {@code ./run-local.sh} runs.
 * <ol>
 *   <li>batch data: generated classicmodels → MariaDB (the source RDS MySQL);</li>
 *   <li>ETL: the Glue job in a child JVM → Parquet under {@code <out>/datalake/} (the S3 data lake);</li>
 *   <li>embeddings: the loader → PostgreSQL + pgvector (RDS);</li>
 *   <li>streaming: sessions → simulated Kinesis + Firehose → the transformation handler → in-process inference →
 *   {@code <out>/recommendations/} and {@code <out>/processing-failed/} (the recommendations bucket);</li>
 *   <li>summary: console and {@code <out>/summary.json}.</li>
 * </ol>
 */
@Command(name = "run-local.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole recommendations pipeline on this machine on sample data: batch (MariaDB →"
                + " Spark ETL → Parquet; embeddings → pgvector) and streaming (sessions → Firehose simulator →"
                + " transformation + inference → recommendations/).")
public final class LocalPipeline implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);

    @Mixin
    PipelineOptions options = new PipelineOptions();

    private final PrintStream console;
    private final Map<String, String> env;
    private final Clock clock;
    private final Backoff backoff;
    private final RepoLayout repo;

    public LocalPipeline(PrintStream console, Map<String, String> env, Clock clock, Backoff backoff, RepoLayout repo) {
        this.console = console;
        this.env = env;
        this.clock = clock;
        this.backoff = backoff;
        this.repo = repo;
    }

    public static void main(String[] args) {
        LocalPipeline pipeline = new LocalPipeline(System.out, System.getenv(), Clock.systemUTC(),
                Backoff.exponential(Duration.ofMillis(200), Duration.ofSeconds(5)), RepoLayout.locate());
        System.exit(new CommandLine(pipeline).execute(args));
    }

    @Override
    public Integer call() {
        List<String> problems = options.problems();
        if (!problems.isEmpty()) {
            problems.forEach(p -> console.println("error: " + p));
            console.println("see --help");
            return 2;
        }
        OutputFolder out = new OutputFolder(options.out);
        Progress progress = new Progress(console, 5);
        try {
            out.clearOwned();
            PipelineLogging.toFile(out.logFile());
            run(out, progress);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.println("interrupted");
            return 130;
        } catch (Exception e) {
            LOG.error("pipeline failed", e);
            console.println("      ✗ failed: " + e.getMessage());
            console.println("      details: " + out.logFile());
            return 1;
        }
    }

    RunSummary run(OutputFolder out, Progress progress) throws Exception {
        long started = System.nanoTime();
        LocalServices services = LocalServices.fromEnvironment(env);
        LOG.atInfo().addKeyValue("event", "pipeline_started").addKeyValue("out", out.root().toString())
                .addKeyValue("mysql", LocalServices.redact(services.mysqlUrl(options.mysqlDatabase)))
                .addKeyValue("postgres", LocalServices.redact(services.pgUrl(options.pgDatabase)))
                .log("local pipeline started");

        BatchDataResult batch;
        EtlResult etl = null;
        if (options.skipEtl) {
            batch = null;
            progress.step("Batch data: skipped (--skip-etl)");
            progress.step("ETL: skipped (--skip-etl)");
        } else {
            progress.step(String.format(Locale.ROOT, "Batch data: classicmodels (scale %s, seed %d) →"
                    + " MariaDB %s", options.scale, options.seed, options.mysqlDatabase));
            batch = new BatchDataStep(services).run(options.seed, options.scale, options.mysqlDatabase,
                    out.sourceData());
            progress.done(Duration.ofNanos((long) (batch.seconds() * 1e9)), "%d customers, %d products, %d ratings"
                    + " loaded", batch.customers(), batch.products(), batch.ratings());

            progress.step("ETL: Glue job (Spark local[2], child JVM) → " + out.datalake());
            etl = new EtlStep(services, repo).run(options.mysqlDatabase, out.datalake());
            progress.done(Duration.ofNanos((long) (etl.seconds() * 1e9)), "%d training rows written, %d rejected",
                    etl.rowsWritten(), etl.rejected());
        }

        Path cache = options.cacheDir == null ? out.cache() : options.cacheDir.toAbsolutePath();
        progress.step("Embeddings: sample ML artifacts → PostgreSQL " + options.pgDatabase + " (pgvector)");
        EmbeddingsResult embeddings = new EmbeddingsStep(services).run(options.pgDatabase, repo.sampleArtifacts(),
                cache.resolve("artifacts"), options.forceEmbeddings);
        progress.done(Duration.ofNanos((long) (embeddings.seconds() * 1e9)), "%s: %d items, %d users, model %s",
                embeddings.status(), embeddings.items(), embeddings.users(), embeddings.modelVersion());

        StreamPlan plan = options.streamPlan();
        FirehoseSettings firehose = FirehoseSettings.local(options.bufferBytes(),
                Duration.ofSeconds(options.bufferIntervalSeconds), options.retries);
        progress.step(String.format(Locale.ROOT, "Streaming: %d sessions%s → Firehose simulator (buffer"
                + " %.1f MB / %d s) → transformation + inference", plan.total(), plan.paced()
                ? String.format(Locale.ROOT, " at %.1f/s", plan.rate()) : "", options.bufferMb,
                options.bufferIntervalSeconds));
        progress.detail("loading the model (DJL + libtorch; the first run extracts libtorch to %s)",
                cache.resolve("djl"));
        StreamingResult streaming = new StreamingStep(services, clock, d -> Thread.sleep(d.toMillis()), backoff)
                .run(plan, firehose, repo.sampleCsv(), repo.sampleArtifacts(), options.pgDatabase, cache,
                        out.root(), n -> progress.detail("%d / %d sessions sent", n, plan.total()));
        progress.done(Duration.ofNanos((long) (streaming.seconds() * 1e9)), "%d Ok, %d ProcessingFailed in %d"
                + " batches", streaming.delivery().ok(), streaming.delivery().processingFailed(),
                streaming.delivery().batches());

        progress.step("Summary → " + out.summary());
        Map<String, Path> outputs = new LinkedHashMap<>();
        if (etl != null) {
            outputs.put("training table", etl.trainingTable());
            outputs.put("rejected ratings", etl.rejectedPath());
            outputs.put("source SQL", batch.sqlScript());
        }
        outputs.put("recommendations", out.recommendations());
        outputs.put("processing-failed", out.processingFailed());
        outputs.put("logs", out.logFile());
        outputs.put("summary", out.summary());
        List<String> examples = new ExampleRecommendations(ProductNames.fromCsv(repo.sampleCsv()
                .resolve("products.csv"))).pick(streaming.recommendationObjects(), 3);
        RunSummary summary = new RunSummary(batch, etl, embeddings, streaming,
                ServedOutputs.read(streaming.recommendationObjects()), ModelMetrics.read(repo.sampleArtifacts()),
                outputs, examples, (System.nanoTime() - started) / 1e9);
        summary.write(out.summary());
        summary.lines().forEach(progress::line);
        LOG.atInfo().addKeyValue("event", "pipeline_done").addKeyValue("seconds", summary.seconds())
                .log("local pipeline done");
        return summary;
    }
}
