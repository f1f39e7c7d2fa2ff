package io.confcdr.cli;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver for trying subscriptions out: prints one line per delivery (its sid, record count,
 * first and last call_sid, whether the signature verifies with the Standard Webhooks library) and answers
 * with a fixed status (2xx acknowledges; anything else makes confcdr retry).
 */
final class WebhookReceiver implements AutoCloseable {

    /** Deliveries hold at most 1000 records of a few KiB each. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Webhook webhook;
    private final int status;
    private final PrintWriter out;

    WebhookReceiver(String host, int port, Webhook webhook, int status, PrintWriter out) throws IOException {
        this.webhook = webhook;
        this.status = status;
        this.out = out;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY_BYTES);
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        out.println(describe(body, lowerCaseHeaders(exchange)));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** One line: what arrived and whether it is authentic. */
    String describe(String body, Map<String, List<String>> headers) {
        String signature;
        try {
            webhook.verify(body, headers);
            signature = "signature valid";
        } catch (Exception e) {
            signature = "signature INVALID (" + e.getMessage() + ")";
        }
        try {
            JsonNode delivery = JSON.readTree(body);
            JsonNode items = delivery.path("items");
            String first = items.isEmpty() ? "-" : items.get(0).path("call_sid").asString("-");
            String last = items.isEmpty() ? "-" : items.get(items.size() - 1).path("call_sid").asString("-");
            return "delivery " + delivery.path("delivery_sid").asString("?") + ": " + items.size() + " records, "
                    + first + " .. " + last + ", " + signature + ", answered " + status;
        } catch (JacksonException e) {
            return "request of " + body.length() + " characters that is not JSON, " + signature + ", answered " + status;
        }
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values)));
        return headers;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
