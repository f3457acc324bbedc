package com.scalemodels.recs.local.invoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Lambda Runtime API (2018-06-01) of one execution environment, on 127.0.0.1, with only the calls the runtime
 * interface client makes: {@code invocation/next}, {@code invocation/<id>/response}, {@code invocation/<id>/error}
 * and {@code init/error}.
 */
final class RuntimeApiServer implements AutoCloseable {

    private static final String BASE = "/2018-06-01/runtime/";

    /** One invocation: handed out on {@code next}, answered by {@code response} or {@code error}. */
    record Invocation(String requestId, byte[] event, long timeoutMillis, CompletableFuture<Void> handedOut,
            CompletableFuture<InvokeResult> result) {
    }

    private final String functionArn;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "runtime-api");
        t.setDaemon(true);
        return t;
    });
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile byte[] initError;
    private volatile InvokeResult exited;

    RuntimeApiServer(String functionArn) throws IOException {
        this.functionArn = functionArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BASE, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code AWS_LAMBDA_RUNTIME_API}: host and port, no scheme. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the runtime first asks for an invocation: the handler is constructed (init is over). */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Queues an invocation; its deadline runs from when the runtime takes it. */
    Invocation submit(String requestId, byte[] event, long timeoutMillis) {
        Invocation invocation = new Invocation(requestId, event, timeoutMillis, new CompletableFuture<>(),
                new CompletableFuture<>());
        queue.add(invocation);
        if (exited != null) {
            failQueued(); // the runtime is gone: nobody would ever take it
        }
        return invocation;
    }

    /** The runtime's process ended: what it was given, or would have been, fails with its init error or the exit. */
    void runtimeExited(int exitCode) {
        byte[] init = initError;
        exited = init != null ? InvokeResult.unhandled(init)
                : InvokeResult.platformError("Runtime.ExitError", "Runtime exited with error: exit status " + exitCode);
        ready.complete(null);
        inFlight.values().forEach(i -> i.result().complete(exited));
        failQueued();
    }

    private void failQueued() {
        for (Invocation queued; (queued = queue.poll()) != null; ) {
            queued.handedOut().complete(null);
            queued.result().complete(exited);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError = body;
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Invocation invocation = inFlight.remove(requestId);
                if (invocation == null) {
                    send(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"not in flight\"}");
                    return;
                }
                invocation.result().complete(path.endsWith("/response") ? InvokeResult.response(body)
                        : InvokeResult.unhandled(body));
                send(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                send(exchange, 404, "{\"errorType\":\"UnknownPath\",\"errorMessage\":\"" + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        ready.complete(null);
        Invocation invocation;
        try {
            invocation = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + invocation.timeoutMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.event().length);
        invocation.handedOut().complete(null);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.event());
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
