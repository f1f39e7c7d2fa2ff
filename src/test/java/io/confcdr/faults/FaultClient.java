package io.confcdr.faults;

import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.CdrJson;
import io.confcdr.model.FieldSelection;
import io.confcdr.store.TestRecords;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a partner does over HTTP in the fault tests: ingest batches, list everything back, subscribe. */
final class FaultClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LIST = "/core/v2/app/conference/calls";
    private static final FieldSelection SENT_FIELDS;

    static {
        EnumSet<CdrField> fields = EnumSet.allOf(CdrField.class);
        fields.remove(CdrField.DATE_INSERT);
        SENT_FIELDS = new FieldSelection(fields);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ChildServer server;
    private final Tenant tenant;
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();

    FaultClient(ChildServer server, Tenant tenant) {
        this.server = server;
        this.tenant = tenant;
    }

    /** A valid record as a bridge sends it. */
    static Cdr record(String callSid, String direction) {
        return TestRecords.carrierxSample().toBuilder().callSid(callSid).partnerSid(Tenant.PARTNER)
                .direction(direction).dateInsert(null).build();
    }

    static String ndjson(List<Cdr> records) {
        var out = new StringWriter();
        for (Cdr cdr : records) {
            try (JsonGenerator generator = JSON.createGenerator(out)) {
                CdrJson.write(generator, cdr, SENT_FIELDS);
            }
            out.write('\n');
        }
        return out.toString();
    }

    /**
     * Posts one batch; true only when confcdr acknowledged every record of it (a 200 naming all of them
     * accepted). A refused connection, a cut one, a timeout or any other answer is not an acknowledgement.
     */
    boolean ingest(List<Cdr> batch) {
        var request = HttpRequest.newBuilder(URI.create(server.url("/ingest/v1/conference/calls")))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tenant.ingestToken())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson(batch))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            count(Integer.toString(response.statusCode()));
            return response.statusCode() == 200 && JSON.readTree(response.body()).get("accepted").asInt() == batch.size();
        } catch (IOException notAcknowledged) {
            count(notAcknowledged.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /** How ingest requests ended: by status code or by the exception that cut them off. */
    String outcomes() {
        return outcomes.toString();
    }

    /** Every stored call_sid matching {@code filter} (null for all), in the list's (insertion) order, page by page. */
    List<String> listAll(String filter) {
        List<String> sids = new ArrayList<>();
        String next = server.url(LIST + "?limit=1000&include_fields=call_sid"
                + (filter == null ? "" : "&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)));
        while (next != null) {
            JsonNode page = JSON.readTree(get(next, tenant.readToken()).body());
            page.get("items").forEach(item -> sids.add(item.get("call_sid").stringValue()));
            JsonNode link = page.get("pagination").get("next");
            next = link == null || link.isNull() ? null : link.stringValue();
        }
        return sids;
    }

    HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), 200);
    }

    /** Creates a subscription through the API; returns its {@code subscription_sid} and secret. */
    Subscribed subscribe(String url, String filter, int maxBatch) {
        String body = JSON.writeValueAsString(java.util.Map.of("url", url, "filter", filter, "max_batch", maxBatch));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.url("/core/v2/app/conference/subscriptions")))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tenant.manageToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
        JsonNode created = JSON.readTree(response.body());
        return new Subscribed(created.get("subscription_sid").stringValue(), created.get("secret").stringValue());
    }

    record Subscribed(String sid, String secret) {
    }

    private HttpResponse<String> send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body() + "\nserver log:\n" + server.logText());
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e + "\nserver log:\n" + server.logText(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
