package com.scalemodels.recs.transformation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local server speaking the Lambda Invoke API ({@code POST /2015-03-31/functions/<name>/invocations}) on
 * 127.0.0.1, so the real SDK client can be tested without AWS. A {@link Reply} per request decides the answer;
 * a hanging reply blocks until {@link #close()} releases it.
 */
final class LambdaInvokeStub implements AutoCloseable {

    /** What to answer one invoke with. */
    record Reply(int status, Map<String, String> headers, byte[] body, boolean hang) {

        static Reply ok(byte[] payload) {
            return new Reply(200, Map.of("X-Amz-Executed-Version", "$LATEST"), payload, false);
        }

        static Reply functionError(byte[] payload) {
            return new Reply(200, Map.of("X-Amz-Function-Error", "Unhandled"), payload, false);
        }

        static Reply error(int status, String type) {
            return new Reply(status, Map.of("x-amzn-ErrorType", type, "Content-Type", "application/json"),
                    TestEvents.utf8("{\"Type\":\"User\",\"message\":\"" + type + "\"}"), false);
        }

        static Reply hanging() {
            return new Reply(200, Map.of(), new byte[0], true);
        }
    }

    /** One received invoke. */
    record Received(String method, String path, byte[] body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Function<byte[], Reply> replies;

    LambdaInvokeStub(Function<byte[], Reply> replies) throws IOException {
        this.replies = replies;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/2015-03-31/functions/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body));
            Reply reply = replies.apply(body);
            if (reply.hang()) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
