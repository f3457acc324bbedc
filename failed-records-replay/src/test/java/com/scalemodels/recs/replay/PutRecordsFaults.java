package com.scalemodels.recs.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A throttling shard, at the seam between the replay and the real server: chosen PutRecords entries are kept off
 * the wire and answered {@code ProvisionedThroughputExceededException}, as Kinesis does for a partial failure; the
 * others reach kinesalite and their real results are passed through in place. Also records what every call held,
 * as sent, to check the call limits. When every entry of a call is throttled, one of them is sent to {@code
 * sinkStream} instead (PutRecords cannot be empty) and its result is discarded.
 */
final class PutRecordsFaults implements ExecutionInterceptor {

    static final String THROTTLED = "ProvisionedThroughputExceededException";

    private static final ExecutionAttribute<List<Integer>> THROTTLED_AT = new ExecutionAttribute<>("throttled-at");
    private static final ExecutionAttribute<Integer> ENTRIES = new ExecutionAttribute<>("entries");

    /** One call as the client sent it: partition keys and data sizes of its entries. */
    record Call(List<String> partitionKeys, long bytes) {
    }

    private final Predicate<PutRecordsRequestEntry> throttle;
    private final String sinkStream;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> throttledKeys = ConcurrentHashMap.newKeySet();

    /** @param throttle asked once per entry per call: true keeps it off the wire this time */
    PutRecordsFaults(Predicate<PutRecordsRequestEntry> throttle, String sinkStream) {
        this.throttle = throttle;
        this.sinkStream = sinkStream;
    }

    /** Throttles each entry whose partition key is in {@code keys} the first {@code times} times it is sent. */
    static Predicate<PutRecordsRequestEntry> firstTimes(Set<String> keys, int times) {
        ConcurrentHashMap<String, Integer> seen = new ConcurrentHashMap<>();
        return e -> keys.contains(e.partitionKey()) && seen.merge(e.partitionKey(), 1, Integer::sum) <= times;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    Set<String> throttledKeys() {
        return Set.copyOf(throttledKeys);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof PutRecordsRequest request)) {
            return context.request();
        }
        calls.add(new Call(request.records().stream().map(PutRecordsRequestEntry::partitionKey).toList(),
                request.records().stream().mapToLong(e -> e.data().asByteArrayUnsafe().length
                        + e.partitionKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum()));
        List<Integer> throttledAt = new ArrayList<>();
        List<PutRecordsRequestEntry> kept = new ArrayList<>();
        for (int i = 0; i < request.records().size(); i++) {
            PutRecordsRequestEntry e = request.records().get(i);
            if (throttle.test(e)) {
                throttledAt.add(i);
                throttledKeys.add(e.partitionKey());
            } else {
                kept.add(e);
            }
        }
        attributes.putAttribute(THROTTLED_AT, throttledAt);
        attributes.putAttribute(ENTRIES, request.records().size());
        if (kept.isEmpty()) {
            return request.toBuilder().streamName(sinkStream).streamARN(null)
                    .records(PutRecordsRequestEntry.builder().partitionKey("sink").data(SdkBytes.fromUtf8String("x"))
                            .build()).build();
        }
        return request.toBuilder().records(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (!(context.response() instanceof PutRecordsResponse response)) {
            return context.response();
        }
        List<Integer> throttledAt = attributes.getAttribute(THROTTLED_AT);
        int entries = attributes.getAttribute(ENTRIES);
        List<PutRecordsResultEntry> results = new ArrayList<>(entries);
        int real = 0;
        int failed = 0;
        for (int i = 0; i < entries; i++) {
            if (throttledAt.contains(i)) {
                results.add(PutRecordsResultEntry.builder().errorCode(THROTTLED)
                        .errorMessage("Rate exceeded for shard shardId-000000000000 in stream under account"
                                + " 000000000000.").build());
                failed++;
            } else {
                PutRecordsResultEntry r = response.records().get(real++);
                results.add(r);
                failed += r.errorCode() == null ? 0 : 1;
            }
        }
        return response.toBuilder().records(results).failedRecordCount(failed).build();
    }
}
