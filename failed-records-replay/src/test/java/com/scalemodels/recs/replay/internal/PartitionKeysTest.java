package com.scalemodels.recs.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PartitionKeysTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256Prefix(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 16);
    }

    @Test
    void aSessionIsKeyedByItsSessionIdWhereverTheFieldIs() {
        assertThat(PartitionKeys.of(utf8("{\"session_id\":\"a1\",\"customer_number\":103}"))).isEqualTo("a1");
        assertThat(PartitionKeys.of(utf8("{\"browse_history\":[{\"session_id\":\"inner\"}],\"x\":{\"y\":1},"
                + "\"session_id\":\"outer\"}"))).isEqualTo("outer");
    }

    @Test
    void anythingElseIsKeyedByAHashOfItsBytesTheSameEveryTime() throws Exception {
        for (String data : new String[] {"not json", "{\"session_id\":42}", "{\"session_id\":\"\"}",
            "{\"customer_number\":103}", "[\"session_id\"]", "{\"session_id\":\"" + "x".repeat(257) + "\"}",
            "{\"customer_number\":10"}) {
            assertThat(PartitionKeys.of(utf8(data))).as(data).isEqualTo(sha256Prefix(utf8(data))).hasSize(32);
        }
        assertThat(PartitionKeys.of(utf8("{\"session_id\":\"" + "x".repeat(256) + "\"}"))).hasSize(256);
    }

    @Test
    void binaryDataIsHashed() throws Exception {
        byte[] binary = {(byte) 0xff, 0, 1, 2, (byte) 0x80};

        assertThat(PartitionKeys.of(binary)).isEqualTo(sha256Prefix(binary));
    }
}
