package io.confcdr.faults;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver on 127.0.0.1 that verifies each delivery's Standard Webhooks signature with the
 * reference library and the secret of its subscription, holds it a little (so that a second delivery of the
 * same subscription sent meanwhile would overlap and be seen), then answers 204. It records every delivery
 * and every overlap: two deliveries of one subscription in the receiver at the same time.
 */
final class SigningReceiver implements AutoCloseable {

    /** One delivery as received. */
    record Delivery(String subscriptionSid, String deliverySid, List<String> callSids, long receivedNanos, boolean verified) {
    }

    private final HttpServer server;
    private final long holdMillis;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();

    SigningReceiver(long holdMillis) {
        this.holdMillis = holdMillis;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secret that signs the subscription's deliveries (known once it is created). */
    void expect(String subscriptionSid, String secret) {
        secrets.put(subscriptionSid, secret);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    /** The subscription's call_sids in order of first arrival (each once). */
    List<String> firstArrivals(String subscriptionSid) {
        Set<String> seen = new LinkedHashSet<>();
        for (Delivery delivery : deliveries) {
            if (delivery.subscriptionSid().equals(subscriptionSid)) {
                seen.addAll(delivery.callSids());
            }
        }
        return new ArrayList<>(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long received = System.nanoTime();
        JsonNode json = FaultClient.JSON.readTree(body);
        String subscription = json.get("subscription_sid").stringValue();
        AtomicInteger count = inFlight.computeIfAbsent(subscription, s -> new AtomicInteger());
        String deliverySid = json.get("delivery_sid").stringValue();
        if (count.incrementAndGet() > 1) {
            overlaps.add(subscription + " received " + deliverySid + " while another of its deliveries was in the receiver");
        }
        try {
            List<String> sids = new ArrayList<>();
            json.get("items").forEach(item -> sids.add(item.get("call_sid").stringValue()));
            deliveries.add(new Delivery(subscription, deliverySid, sids, received, verifies(subscription, body, exchange)));
            ChildServer.sleep(holdMillis);
        } finally {
            count.decrementAndGet();
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean verifies(String subscription, String body, HttpExchange exchange) {
        String secret = secrets.get(subscription);
        if (secret == null) {
            return false;
        }
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        try {
            new Webhook(secret).verify(body, headers);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
