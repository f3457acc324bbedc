package com.scalemodels.recs.replay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * PutRecords onto a Kinesis data stream. Per-entry {@code ProvisionedThroughputExceededException} and {@code
 * InternalFailure} are retryable (the only per-entry errors Kinesis reports); a call rejected as a whole is
 * retryable when it is throttled, a 5xx or a network failure, and stops the run otherwise (no such stream, access
 * denied, KMS key disabled): retrying those cannot help.
 */
public final class KinesisRecordSink implements RecordSink {

    static final Set<String> RETRYABLE_ENTRY_ERRORS = Set.of("ProvisionedThroughputExceededException",
            "InternalFailure");

    private final KinesisClient kinesis;
    private final String stream;
    private final boolean byArn;

    private KinesisRecordSink(KinesisClient kinesis, String stream) {
        this.kinesis = kinesis;
        this.stream = stream;
        this.byArn = stream.startsWith("arn:");
    }

    /**
     * Checks that the stream exists and accepts writes (DescribeStreamSummary), then returns a sink for it.
     *
     * @param stream a stream name or ARN
     * @throws ReplayException naming {@code --stream} when it does not exist, is not active or cannot be described
     */
    public static KinesisRecordSink open(KinesisClient kinesis, String stream) {
        KinesisRecordSink sink = new KinesisRecordSink(kinesis, stream);
        StreamDescriptionSummary summary;
        try {
            DescribeStreamSummaryRequest.Builder request = DescribeStreamSummaryRequest.builder();
            summary = kinesis.describeStreamSummary((sink.byArn ? request.streamARN(stream)
                    : request.streamName(stream)).build()).streamDescriptionSummary();
        } catch (ResourceNotFoundException e) {
            throw ReplayException.stream("--stream: no stream '" + stream + "' in this account and region ("
                    + e.getMessage() + ")", e);
        } catch (AccessDeniedException e) {
            throw ReplayException.stream("--stream: access denied to '" + stream + "' (needs"
                    + " kinesis:DescribeStreamSummary and kinesis:PutRecords): " + e.getMessage(), e);
        } catch (SdkException e) {
            throw ReplayException.stream("--stream: cannot describe '" + stream + "': " + e.getMessage(), e);
        }
        StreamStatus status = summary.streamStatus();
        if (status != StreamStatus.ACTIVE && status != StreamStatus.UPDATING) {
            throw ReplayException.stream("--stream: stream '" + stream + "' is " + summary.streamStatusAsString()
                    + ", not ACTIVE", null);
        }
        return sink;
    }

    @Override
    public String destination() {
        return "kinesis:" + stream;
    }

    @Override
    public List<PutResult> put(List<PutEntry> entries) {
        List<PutRecordsRequestEntry> records = new ArrayList<>(entries.size());
        for (PutEntry e : entries) {
            records.add(PutRecordsRequestEntry.builder().partitionKey(e.partitionKey())
                    .data(SdkBytes.fromByteArrayUnsafe(e.data())).build());
        }
        PutRecordsRequest.Builder request = PutRecordsRequest.builder().records(records);
        PutRecordsResponse response;
        try {
            response = kinesis.putRecords((byArn ? request.streamARN(stream) : request.streamName(stream)).build());
        } catch (AwsServiceException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                return Collections.nCopies(entries.size(), new PutResult(errorCode(e), e.getMessage(), true));
            }
            throw ReplayException.stream("--stream: PutRecords to '" + stream + "' refused: " + e.getMessage(), e);
        } catch (SdkClientException e) {
            return Collections.nCopies(entries.size(), new PutResult("SdkClientException", e.getMessage(), true));
        }
        List<PutRecordsResultEntry> results = response.records();
        if (results.size() != entries.size()) {
            throw new IllegalStateException("PutRecords answered " + results.size() + " results for "
                    + entries.size() + " records");
        }
        List<PutResult> out = new ArrayList<>(results.size());
        for (PutRecordsResultEntry r : results) {
            out.add(r.errorCode() == null ? PutResult.OK : new PutResult(r.errorCode(), r.errorMessage(),
                    RETRYABLE_ENTRY_ERRORS.contains(r.errorCode())));
        }
        return out;
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
    }
}
