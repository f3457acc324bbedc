package com.scalemodels.recs.replay;

import com.scalemodels.recs.testing.S3ApiServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Replay throughput on this machine: S3 API server (S3Proxy) → replay → kinesalite, against a baseline in the same
 * run: the same records put with bare PutRecords calls of 500 (no S3, no decoding), and the replay's reading and
 * decoding alone (--dry-run). kinesalite is a single Node process, so the figures measure the replay's overhead
 * next to the server, not what a real stream takes (1 MB/s or 1,000 records/s per shard).
 *
 * <pre>./bench.sh failed-records-replay [-- RECORDS [BYTES_PER_RECORD]]</pre>
 */
public final class ReplayBench {

    private static final int ROUNDS = 3;

    private ReplayBench() {
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    public static void main(String[] args) throws Exception {
        // kinesalite's CBOR answers do not unmarshal in SDK v2; its JSON ones do (AWS itself speaks both).
        System.setProperty("aws.cborEnabled", "false");
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int bytes = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        String missing = Kinesalite.missing();
        if (missing != null) {
            System.err.println("kinesalite not installed (" + missing + "); install it with: " + Kinesalite.INSTALL);
            System.exit(2);
        }
        Kinesalite kinesalite = new Kinesalite();
        try (S3ApiServer s3 = new S3ApiServer()) {
            kinesalite.start();
            s3.start();
            run(kinesalite, s3, records, bytes);
        } finally {
            kinesalite.close();
        }
    }

    private static void run(Kinesalite kinesalite, S3ApiServer s3, int records, int bytes) throws Exception {
        String bucket = "bench";
        s3.createBucket(bucket);
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records);
        int perObject = 1000;
        for (int o = 0; o * perObject < records; o++) {
            List<String> lines = new ArrayList<>();
            for (int i = o * perObject; i < Math.min(records, (o + 1) * perObject); i++) {
                byte[] session = FailedRecords.session("s-" + i, bytes);
                lines.add(FailedRecords.line(session, FailedRecords.FUNCTION_ERROR));
                entries.add(PutRecordsRequestEntry.builder().partitionKey("s-" + i)
                        .data(SdkBytes.fromByteArray(session)).build());
            }
            s3.put(bucket, FailedRecords.key(Instant.parse("2026-11-21T10:00:00Z").plusSeconds(3600L * (o % 24)),
                    String.format(Locale.ROOT, "%05d", o)), FailedRecords.object(lines));
        }
        AwsClients aws = new AwsClients(Kinesalite.CREDENTIALS);
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(kinesalite.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(Kinesalite.CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
                KinesisClient replayKinesis = aws.kinesis(Region.US_EAST_1, kinesalite.endpoint())) {
            S3FailedRecordSource source = new S3FailedRecordSource(s3.client(), bucket, FailedRecords.PREFIX);
            // Warm-up: JIT and connections, on streams of their own.
            raw(kinesalite, kinesis, entries.subList(0, Math.min(2000, records)), "warm-raw");
            replay(kinesalite, replayKinesis, source, "warm-replay", false);

            // Interleaved rounds, medians: the machine is shared and kinesalite's memory grows as it goes.
            List<Double> raws = new ArrayList<>();
            List<Double> replays = new ArrayList<>();
            List<Double> reads = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                raws.add(records / raw(kinesalite, kinesis, entries, "raw-" + round));
                replays.add(records / replay(kinesalite, replayKinesis, source, "replay-" + round, false));
                reads.add(records / replay(kinesalite, replayKinesis, source, "dry-" + round, true));
            }
            double rawRate = median(raws);
            double replayRate = median(replays);
            double readRate = median(reads);
            System.out.printf(Locale.ROOT, "failed-records-replay.raw_putrecords: %.0f records/s%n", rawRate);
            System.out.printf(Locale.ROOT, "failed-records-replay.replay_s3_to_kinesis: %.0f records/s%n", replayRate);
            System.out.printf(Locale.ROOT, "failed-records-replay.replay_vs_raw: %.0f %%%n", 100 * replayRate / rawRate);
            System.out.printf(Locale.ROOT, "failed-records-replay.read_decode_dry_run: %.0f records/s%n", readRate);
            System.out.printf(Locale.ROOT, "failed-records-replay.records: %d x %d bytes, median of %d rounds%n",
                    records, bytes, ROUNDS);
        }
    }

    /** Seconds to put the entries with bare PutRecords calls of 500. */
    private static double raw(Kinesalite kinesalite, KinesisClient kinesis, List<PutRecordsRequestEntry> entries,
            String stream) {
        kinesalite.createStream(stream, 4);
        long started = System.nanoTime();
        for (int i = 0; i < entries.size(); i += 500) {
            List<PutRecordsRequestEntry> call = entries.subList(i, Math.min(entries.size(), i + 500));
            int failed = kinesis.putRecords(b -> b.streamName(stream).records(call)).failedRecordCount();
            if (failed > 0) {
                throw new IllegalStateException(failed + " records refused");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Seconds for a whole replay of the bucket into a new stream. */
    private static double replay(Kinesalite kinesalite, KinesisClient kinesis, S3FailedRecordSource source,
            String stream, boolean dryRun) {
        kinesalite.createStream(stream, 4);
        long started = System.nanoTime();
        ReplayReport report = new ReplayService(KinesisRecordSink.open(kinesis, stream), Backoff.NONE,
                System::nanoTime).replay(source, new ReplaySettings(TimeRange.ALL, Set.of(), dryRun, 8),
                Checkpoint.none());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report.exitCode() != ExitCodes.OK) {
            throw new IllegalStateException("replay failed:\n" + report.table());
        }
        return seconds;
    }
}
