package com.scalemodels.recs.replay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The partition key of a replayed record: the session's {@code session_id} when the record is a JSON object with a
 * non-empty string {@code session_id} of at most 256 characters (Kinesis' key limit), so one session's events stay
 * on one shard; otherwise the first 128 bits of the SHA-256 of the bytes, in hex: spread evenly over the shards and
 * the same on every re-run.
 */
public final class PartitionKeys {

    static final int MAX_KEY_LENGTH = 256;
    private static final JsonFactory JSON = new JsonFactory();

    private PartitionKeys() {
    }

    public static String of(byte[] data) {
        String sessionId = sessionId(data);
        return sessionId != null ? sessionId : hash(data);
    }

    /** The top-level string {@code session_id}, or null. Stops reading as soon as it has it. */
    static String sessionId(byte[] data) {
        try (JsonParser p = JSON.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("session_id".equals(field)) {
                    if (value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    String id = p.getText();
                    return id.isEmpty() || id.length() > MAX_KEY_LENGTH ? null : id;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // not JSON (or cut short): the hash will do
        }
    }

    static String hash(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
