package com.scalemodels.recs.local.invoke;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The functions {@code invoke} knows, by command-line name, with their template.yaml logical ids. */
enum InvokedFunction {

    TRANSFORMATION("transformation", "TransformationFunction", "a Firehose transformation event ({\"records\":"
            + " [{\"recordId\", \"data\": base64}]}), a Kinesis Data Streams event, session JSON Lines (*.jsonl) or"
            + " malformed-records.json"),
    INFERENCE("inference", "InferenceFunction", "an inference request ({\"request_id\", \"k\", \"similar_k\","
            + " \"sessions\": [...]}, docs/contracts.md)"),
    INFERENCE_HTTP("inference-http", "InferenceHttpFunction", "a Function URL event, payload format 2.0"
            + " ({\"version\": \"2.0\", \"rawPath\", \"requestContext\": {\"http\": {\"method\"}}, \"body\"})"),
    LOADER("loader", "EmbeddingsLoaderFunction", "a JSON object: {}, {\"force\": true} or {\"rollback\": true}");

    private final String cliName;
    private final String logicalId;
    private final String expects;

    InvokedFunction(String cliName, String logicalId, String expects) {
        this.cliName = cliName;
        this.logicalId = logicalId;
        this.expects = expects;
    }

    /** By command-line name or template.yaml logical id. */
    static Optional<InvokedFunction> byName(String name) {
        return Stream.of(values()).filter(f -> f.cliName.equals(name) || f.logicalId.equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", Stream.of(values()).map(f -> f.cliName).toList());
    }

    String cliName() {
        return cliName;
    }

    String logicalId() {
        return logicalId;
    }

    String expects() {
        return expects;
    }

    /** The functions this one invokes through the Lambda API, started alongside it. */
    List<InvokedFunction> calls() {
        return this == TRANSFORMATION ? List.of(INFERENCE) : List.of();
    }

    /** Whether it reads the embeddings the loader writes: the sample model must be live first. */
    boolean readsEmbeddings() {
        return this != LOADER;
    }
}
