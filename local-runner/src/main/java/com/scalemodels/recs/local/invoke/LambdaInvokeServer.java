package com.scalemodels.recs.local.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Lambda API's synchronous Invoke ({@code POST /2015-03-31/functions/<name>/invocations}) on 127.0.0.1, as
 * {@code sam local start-lambda} serves it: the transformation function's SDK client, pointed here by
 * {@code AWS_ENDPOINT_URL_LAMBDA}, reaches the inference function's environment and gets Lambda's answer, with
 * {@code X-Amz-Function-Error} for a function error. Signatures are not checked.
 */
final class LambdaInvokeServer implements AutoCloseable {

    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";

    private final List<ExecutionEnvironment> functions;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lambda-api");
        t.setDaemon(true);
        return t;
    });

    LambdaInvokeServer(List<ExecutionEnvironment> functions) throws IOException {
        this.functions = List.copyOf(functions);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** For {@code AWS_ENDPOINT_URL_LAMBDA}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] payload = exchange.getRequestBody().readAllBytes();
            Optional<ExecutionEnvironment> target = "POST".equals(exchange.getRequestMethod())
                    && path.endsWith(SUFFIX) ? find(URLDecoder.decode(
                            path.substring(PREFIX.length(), path.length() - SUFFIX.length()), StandardCharsets.UTF_8))
                    : Optional.empty();
            if (target.isEmpty()) {
                byte[] body = ("{\"Type\":\"User\",\"message\":\"Function not found: " + path + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                send(exchange, 404, body);
                return;
            }
            InvokeResult result = target.get().invoke(payload);
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            if (result.failed()) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", result.functionError());
            }
            send(exchange, 200, result.payload());
        }
    }

    /** By name or ARN, with or without a qualifier (an alias such as {@code live}). */
    private Optional<ExecutionEnvironment> find(String nameOrArn) {
        String[] parts = nameOrArn.split(":");
        String name = !nameOrArn.startsWith("arn:") ? parts[0] : parts.length > 6 ? parts[6] : "";
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
