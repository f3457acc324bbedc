package com.scalemodels.recs.transformation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseSizeBudgetTest {

    @Test
    void countsExactlyWhatTheRuntimeWritesForAsciiIds() {
        List<FirehoseResponseRecord> records = new ArrayList<>();
        ResponseSizeBudget.Tracker tracker = ResponseSizeBudget.standard().newTracker();
        for (int n = 0; n < 7; n++) {
            byte[] data = new byte[n * 5 + 1];
            String id = TestEvents.recordId(n);
            records.add(FirehoseResponseRecord.processingFailed(id, data));
            tracker.reserveFailed(id, data.length);
        }
        int actual = TestEvents.responseJson(new FirehoseResponse(records)).length;

        // Exact but for the one comma counted per entry where the JSON has one fewer.
        assertThat(tracker.usedBytes()).isEqualTo(actual + 1);
    }

    @Test
    void neverUndercountsIdsThatNeedEscaping() {
        String id = "é\"\\\u0001漢😀";
        byte[] data = new byte[10];
        long bound = ResponseSizeBudget.entryBytes(id, FirehoseResult.Ok, data.length) + "{\"records\":[]}".length();
        int actual = TestEvents.responseJson(new FirehoseResponse(List.of(FirehoseResponseRecord.ok(id, data)))).length;

        assertThat(bound).isGreaterThanOrEqualTo(actual);
    }

    @Test
    void upgradesOnlyWhileTheTotalFits() {
        ResponseSizeBudget budget = new ResponseSizeBudget(1_000);
        ResponseSizeBudget.Tracker tracker = budget.newTracker();
        tracker.reserveFailed("a", 10);
        tracker.reserveFailed("b", 10);
        long reserved = tracker.usedBytes();

        assertThat(tracker.tryUpgradeToOk("a", 10, 400)).isTrue();
        assertThat(tracker.tryUpgradeToOk("b", 10, 600)).isFalse();
        assertThat(tracker.usedBytes()).isEqualTo(reserved + ResponseSizeBudget.base64Length(400)
                - ResponseSizeBudget.base64Length(10) - ("ProcessingFailed".length() - "Ok".length()));
        assertThat(tracker.usedBytes()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void base64LengthIsPadded() {
        assertThat(ResponseSizeBudget.base64Length(0)).isZero();
        assertThat(ResponseSizeBudget.base64Length(1)).isEqualTo(4);
        assertThat(ResponseSizeBudget.base64Length(3)).isEqualTo(4);
        assertThat(ResponseSizeBudget.base64Length(4)).isEqualTo(8);
    }
}
