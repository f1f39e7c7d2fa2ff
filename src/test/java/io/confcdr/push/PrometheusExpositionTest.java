package io.confcdr.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.auth.Scopes;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /metrics} of a running server over a SQLite store, after ingest, reads, a miss and a webhook delivery,
 * read back through an independent Prometheus text-format parser: what an operator's Prometheus and the
 * Grafana dashboard in docs/ rely on.
 */
class PrometheusExpositionTest extends AbstractPushApiTest {

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    @TempDir
    Path dataDir;

    private Map<String, MetricFamily> families;
    private String subscriptionSid;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.sqlite(dataDir, clock);
    }

    @BeforeEach
    void traffic() {
        subscriptionSid = subscribe(acmeManager, "").get("subscription_sid").stringValue();
        String ingestToken = new TokenIssuer(storage.tokens(), clock).issue(ACME, "bridge", Set.of(Scopes.CDR_INGEST), null).secret();
        assertThat(call("POST", "/ingest/v1/conference/calls", "[]", ingestToken).statusCode()).isEqualTo(200);
        ingest(ACME, 3);
        receiver.awaitAcknowledged(3);
        call("GET", "/core/v2/app/conference/subscriptions/" + subscriptionSid, null, acmeManager);
        call("GET", "/no/such/route", null, acmeManager);
        // GC pauses are recorded as the JVM reports them; one is asked for so the histogram exists.
        System.gc();
        receiver.await("a GC pause on /metrics", () -> scrape().containsKey("jvm_gc_pause_seconds"));
        families = scrape();
    }

    @Test
    void everyMetricHasHelpAndFollowsPrometheusNamingRules() {
        for (MetricFamily family : families.values()) {
            String name = family.getName();
            assertThat(family.getHelp()).as("HELP of %s", name).isNotBlank();
            assertThat(family.getType()).as("type of %s (a summary without quantiles cannot be aggregated)", name)
                    .isNotEqualTo(MetricType.SUMMARY);
            assertThat(name).as("base units only").doesNotContainPattern("_(ns|nanoseconds|ms|milliseconds|kb|mb)(_|$)");
            if (family.getType() == MetricType.COUNTER) {
                assertThat(name).as("counter name").endsWith("_total");
            } else {
                assertThat(name).as("only counters end in _total").doesNotEndWith("_total");
            }
        }
    }

    @Test
    void requestLatencyIsAHistogramPerRouteTemplateMethodAndStatusClass() {
        MetricFamily requests = family("http_server_requests_seconds", MetricType.HISTOGRAM);
        Map<String, String> read = labels(requests, "route", "/core/v2/app/conference/subscriptions/{subscription_sid}");
        assertThat(read).containsEntry("method", "GET").containsEntry("status_class", "2xx");
        assertThat(labels(requests, "route", "unmatched")).containsEntry("status_class", "4xx");
        assertThat(requests.getMetrics()).allSatisfy(metric ->
                assertThat(metric.getLabels().get("route")).doesNotContain(subscriptionSid));
        Histogram histogram = (Histogram) requests.getMetrics().getFirst();
        assertThat(histogram.getBuckets()).extracting(Histogram.Bucket::getUpperBound)
                .contains(0.005, 0.1, 1.0, Double.POSITIVE_INFINITY);
    }

    @Test
    void ingestCountsRecordsByOutcomeAndBatches() {
        MetricFamily records = family("confcdr_ingest_records_total", MetricType.COUNTER);
        assertThat(value(records, "outcome", "accepted")).isEqualTo(3.0);
        assertThat(value(records, "outcome", "duplicate")).isEqualTo(0.0);
        assertThat(value(records, "outcome", "rejected")).isEqualTo(0.0);
        assertThat(value(family("confcdr_ingest_batches_total", MetricType.COUNTER), null, null)).isEqualTo(2.0);
    }

    @Test
    void storeConnectionPoolGaugesAreNamedByPool() {
        for (String gauge : List.of("active", "idle", "pending", "max")) {
            MetricFamily family = family("hikaricp_connections_" + gauge, MetricType.GAUGE);
            assertThat(labels(family, "pool", "confcdr-sqlite")).isNotEmpty();
        }
        assertThat(value(family("hikaricp_connections_max", MetricType.GAUGE), "pool", "confcdr-sqlite")).isPositive();
        family("hikaricp_connections_acquire_seconds", MetricType.HISTOGRAM);
    }

    @Test
    void jvmGcAndProcessMetricsArePublishedInBaseUnits() {
        family("jvm_memory_used_bytes", MetricType.GAUGE);
        family("jvm_memory_max_bytes", MetricType.GAUGE);
        family("jvm_gc_memory_allocated_bytes_total", MetricType.COUNTER);
        family("jvm_gc_live_data_size_bytes", MetricType.GAUGE);
        family("jvm_threads_live_threads", MetricType.GAUGE);
        family("process_cpu_usage", MetricType.GAUGE);
        family("process_uptime_seconds", MetricType.GAUGE);
        assertThat(value(family("process_cpu_seconds_total", MetricType.COUNTER), null, null)).isPositive();
        assertThat(families).doesNotContainKey("process_cpu_time_ns_total");
    }

    @Test
    void pushDeliveriesAndLagArePublishedPerSubscription() {
        assertThat(value(family("confcdr_push_deliveries_total", MetricType.COUNTER), "outcome", "acknowledged"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(value(family("confcdr_push_deliveries_total", MetricType.COUNTER), "outcome", "no_answer")).isZero();
        receiver.await("lag 0 on /metrics", () -> {
            families = scrape();
            return families.containsKey("confcdr_push_lag_records")
                    && value(families.get("confcdr_push_lag_records"), "subscription_sid", subscriptionSid) == 0.0;
        });
        family("confcdr_push_oldest_undelivered_age_seconds", MetricType.GAUGE);
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsExposed() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(Path.of("docs/grafana-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.stringValue()));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(8);

        Set<String> series = seriesNames();
        Set<String> queried = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = SELECTOR.matcher(expression);
            assertThat(matcher.find()).as("every expression selects a metric with {…}: %s", expression).isTrue();
            do {
                queried.add(matcher.group(1));
            } while (matcher.find());
        }
        assertThat(series).containsAll(queried);
    }

    // ---- reading the exposition ----

    private Map<String, MetricFamily> scrape() {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain; version=0.0.4"));
            var parser = new TextPrometheusMetricDataParser(new ByteArrayInputStream(response.body()));
            Map<String, MetricFamily> parsed = new LinkedHashMap<>();
            for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
                assertThat(parsed.put(family.getName(), family)).as("family %s appears once", family.getName()).isNull();
            }
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("# HELP " + "\n");
            return parsed;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private MetricFamily family(String name, MetricType type) {
        assertThat(families).as("metric families on /metrics").containsKey(name);
        MetricFamily family = families.get(name);
        assertThat(family.getType()).as("type of %s", name).isEqualTo(type);
        return family;
    }

    private static Map<String, String> labels(MetricFamily family, String label, String value) {
        return family.getMetrics().stream()
                .map(Metric::getLabels)
                .filter(labels -> value.equals(labels.get(label)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(family.getName() + " has no series with " + label + "=" + value));
    }

    private static double value(MetricFamily family, String label, String wanted) {
        for (Metric metric : family.getMetrics()) {
            if (label == null || wanted.equals(metric.getLabels().get(label))) {
                return switch (metric) {
                    case org.hawkular.agent.prometheus.types.Counter counter -> counter.getValue();
                    case org.hawkular.agent.prometheus.types.Gauge gauge -> gauge.getValue();
                    default -> throw new AssertionError(family.getName() + " is neither a counter nor a gauge");
                };
            }
        }
        throw new AssertionError(family.getName() + " has no series with " + label + "=" + wanted);
    }

    /** The names a PromQL selector can use: histograms expose _bucket, _count and _sum series. */
    private Set<String> seriesNames() {
        Set<String> names = new TreeSet<>();
        for (MetricFamily family : families.values()) {
            names.add(family.getName());
            if (family.getType() == MetricType.HISTOGRAM) {
                names.addAll(List.of(family.getName() + "_bucket", family.getName() + "_count", family.getName() + "_sum"));
            }
        }
        return names;
    }
}
