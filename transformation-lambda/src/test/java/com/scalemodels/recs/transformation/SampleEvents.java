package com.scalemodels.recs.transformation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Sample event files: this module's own (src/test/resources/events) and, when present, the shared ones in the
 * repository's samples/events, so the same tests run over both.
 */
final class SampleEvents {

    static final Path SHARED = Path.of("..", "samples", "events");

    private SampleEvents() {
    }

    static Path own(String name) {
        try {
            return Path.of(SampleEvents.class.getResource("/events/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> all(String name) {
        List<Path> paths = new ArrayList<>(List.of(own(name)));
        if (Files.isRegularFile(SHARED.resolve(name))) {
            paths.add(SHARED.resolve(name));
        }
        return paths;
    }

    /** One malformed-records case: the record's bytes (null when its base64 does not decode) and its expectation. */
    record Case(String source, String name, String dataBase64, byte[] data, String expected,
            String expectedReasonContains) {

        /** Outcome {@code InvocationFailed}: the runtime cannot even deserialize the event. */
        static final String INVOCATION_FAILED = "InvocationFailed";

        FirehoseResult expectedResult() {
            return FirehoseResult.valueOf(expected);
        }

        @Override
        public String toString() {
            return source + ": " + name;
        }
    }

    static Stream<Arguments> malformedCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Path file : all("malformed-records.json")) {
            String source = file.startsWith(SHARED) ? "samples" : "own";
            JsonNode root;
            try {
                root = TestEvents.JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            JsonNode array = root.isArray() ? root : root.path("cases");
            for (JsonNode c : array) {
                String base64;
                byte[] data;
                if (c.hasNonNull("data_base64")) {
                    base64 = c.get("data_base64").asText();
                    data = decodeOrNull(base64);
                } else {
                    data = TestEvents.utf8(c.path("data_text").asText(c.path("data").asText()));
                    base64 = Base64.getEncoder().encodeToString(data);
                }
                String reason = c.hasNonNull("expected_reason_contains") ? c.get("expected_reason_contains").asText()
                        : null;
                cases.add(Arguments.of(new Case(source, c.get("name").asText(), base64, data,
                        c.get("expected_result").asText(), reason)));
            }
        }
        return cases.stream();
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
