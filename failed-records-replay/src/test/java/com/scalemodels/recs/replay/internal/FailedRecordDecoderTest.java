package com.scalemodels.recs.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalemodels.recs.replay.internal.FailedRecordDecoder.Decoded;
import com.scalemodels.recs.replay.internal.FailedRecordDecoder.Record;
import com.scalemodels.recs.replay.internal.FailedRecordDecoder.Undecodable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedRecordDecoderTest {

    private final FailedRecordDecoder decoder = new FailedRecordDecoder();

    /** A line exactly as the local Firehose simulator (and Firehose) writes it. */
    private static final String FIREHOSE_LINE = "{\"attemptsMade\":4,\"arrivalTimestamp\":1795000000000,"
            + "\"errorCode\":\"Lambda.FunctionError\",\"errorMessage\":\"RuntimeException: boom\","
            + "\"attemptEndingTimestamp\":1795000001000,\"rawData\":\"eyJzZXNzaW9uX2lkIjoiYTEifQ==\","
            + "\"lambdaArn\":\"arn:aws:lambda:us-east-1:000000000000:function:t:live\"}";

    @Test
    void aFirehoseLineGivesTheOriginalBytesAndTheErrorCode() {
        List<Decoded> decoded = decoder.decode(FIREHOSE_LINE);

        assertThat(decoded).singleElement().isInstanceOfSatisfying(Record.class, r -> {
            assertThat(r.errorCode()).isEqualTo("Lambda.FunctionError");
            assertThat(new String(r.data(), StandardCharsets.UTF_8)).isEqualTo("{\"session_id\":\"a1\"}");
        });
    }

    @Test
    void blankLinesAreNoRecords() {
        assertThat(decoder.decode("")).isEmpty();
        assertThat(decoder.decode("   ")).isEmpty();
    }

    @Test
    void objectsWrittenBackToBackOnOneLineAreReadOneByOne() {
        assertThat(decoder.decode(FIREHOSE_LINE + FIREHOSE_LINE + " " + FIREHOSE_LINE)).hasSize(3)
                .allMatch(d -> d instanceof Record);
    }

    @Test
    void lastErrorCodeIsReadWhenErrorCodeIsAbsent() {
        assertThat(decoder.decode("{\"lastErrorCode\":\"Conversion.Failed\",\"rawData\":\"QQ==\"}"))
                .singleElement().extracting(Decoded::errorCode).isEqualTo("Conversion.Failed");
        assertThat(decoder.decode("{\"rawData\":\"QQ==\"}"))
                .singleElement().extracting(Decoded::errorCode).isEqualTo(FailedRecordDecoder.NO_ERROR_CODE);
    }

    @Test
    void undecodableLinesSayWhyWithoutQuotingTheData() {
        Undecodable notJson = (Undecodable) decoder.decode("secret-customer-words here").get(0);
        Undecodable noRaw = (Undecodable) decoder.decode("{\"errorCode\":\"E\"}").get(0);
        Undecodable nullRaw = (Undecodable) decoder.decode("{\"errorCode\":\"E\",\"rawData\":null}").get(0);
        Undecodable numberRaw = (Undecodable) decoder.decode("{\"errorCode\":\"E\",\"rawData\":12}").get(0);
        Undecodable badBase64 = (Undecodable) decoder.decode("{\"errorCode\":\"E\",\"rawData\":\"ab-c\"}").get(0);
        Undecodable array = (Undecodable) decoder.decode("[1,2]").get(0);

        assertThat(notJson.errorCode()).isEqualTo(FailedRecordDecoder.NOT_JSON);
        assertThat(notJson.reason()).startsWith("not JSON").doesNotContain("secret");
        assertThat(noRaw.reason()).isEqualTo("no rawData field");
        assertThat(noRaw.errorCode()).isEqualTo("E");
        assertThat(nullRaw.reason()).isEqualTo("no rawData field");
        assertThat(numberRaw.reason()).isEqualTo("rawData is not a string");
        assertThat(badBase64.reason()).startsWith("rawData is not valid base64");
        assertThat(array.reason()).isEqualTo("not a JSON object but array");
    }

    @Test
    void aLineCutShortAfterAGoodObjectKeepsTheGoodOne() {
        List<Decoded> decoded = decoder.decode(FIREHOSE_LINE + "{\"errorCode\":\"E\",\"rawD");

        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0)).isInstanceOf(Record.class);
        assertThat(decoded.get(1)).isInstanceOf(Undecodable.class);
    }
}
