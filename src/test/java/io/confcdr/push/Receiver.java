package io.confcdr.push;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook receiver on 127.0.0.1 (JDK HTTP server): records every request with its headers and body,
 * and answers as the test scripts it (a status, no answer until the sender gives up, or a closed
 * connection); unscripted requests get 204. It can be stopped and started again on the same port.
 */
final class Receiver implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** How to answer one request. */
    sealed interface Answer {
        record Status(int code) implements Answer {
        }

        /** Hold the request until the test ends: the sender's timeout must fire. */
        record Hang() implements Answer {
        }

        /** Close the connection without an answer. */
        record Close() implements Answer {
        }
    }

    /** One request as received. */
    record Request(Map<String, List<String>> headers, String body, Answer answer, Instant received) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.getFirst();
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String deliverySid() {
            return json().get("delivery_sid").stringValue();
        }

        List<String> callSids() {
            return json().get("items").valueStream().map(item -> item.get("call_sid").stringValue()).toList();
        }

        boolean acknowledged() {
            return answer instanceof Answer.Status status && status.code() >= 200 && status.code() < 300;
        }
    }

    private final BlockingDeque<Answer> script = new LinkedBlockingDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private int port;
    private HttpServer server;

    Receiver() {
        start();
    }

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    synchronized void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void answerNext(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** Forgets the answers not used yet: from now on every request is acknowledged. */
    void clearScript() {
        script.clear();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The call_sids of acknowledged deliveries, in the order they were received. */
    List<String> acknowledgedCallSids() {
        List<String> sids = new ArrayList<>();
        for (Request request : requests) {
            if (request.acknowledged()) {
                sids.addAll(request.callSids());
            }
        }
        return sids;
    }

    /** Waits until {@code condition} holds, at most 15 s; then fails with what was received. */
    void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; received " + requests.size()
                        + " requests: " + requests.stream().map(r -> r.answer() + " " + r.body()).toList());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    void awaitAcknowledged(int records) {
        await(records + " acknowledged records", () -> acknowledgedCallSids().size() >= records);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer.Status(204);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        requests.add(new Request(headers, body, answer, Instant.now()));
        switch (answer) {
            case Answer.Status status -> {
                exchange.sendResponseHeaders(status.code(), -1);
                exchange.close();
            }
            case Answer.Hang hang -> {
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            // Closing the exchange before any response headers drops the connection without an answer.
            case Answer.Close close -> exchange.close();
        }
    }

    static Duration since(Instant instant) {
        return Duration.between(instant, Instant.now());
    }

    @Override
    public void close() {
        released.countDown();
        stop();
    }
}
