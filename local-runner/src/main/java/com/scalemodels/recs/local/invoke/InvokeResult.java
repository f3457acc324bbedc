package com.scalemodels.recs.local.invoke;

import java.nio.charset.StandardCharsets;

/**
 * What a synchronous invoke returns: the payload, and for a failed invocation Lambda's {@code X-Amz-Function-Error}
 * with the error document ({@code errorMessage}, {@code errorType}, …) as the payload.
 *
 * @param functionError null when the function answered
 */
record InvokeResult(byte[] payload, String functionError) {

    static InvokeResult response(byte[] payload) {
        return new InvokeResult(payload, null);
    }

    /** An error the runtime interface client reported from inside the function. */
    static InvokeResult unhandled(byte[] errorDocument) {
        return new InvokeResult(errorDocument, "Unhandled");
    }

    /** An error Lambda itself reports (timeout, runtime exit), in its own shape; the message holds no quotes. */
    static InvokeResult platformError(String errorType, String errorMessage) {
        String json = "{\"errorMessage\":\"" + errorMessage.replace("\\", "\\\\").replace("\"", "'")
                + "\",\"errorType\":\"" + errorType + "\"}";
        return new InvokeResult(json.getBytes(StandardCharsets.UTF_8), "Unhandled");
    }

    boolean failed() {
        return functionError != null;
    }
}
