package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.store.sql.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL outage while clients keep reading (lists and GETs by call_sid from several threads): while
 * the database is away every answer is a 503 with the error document, none is a 500 and none takes more
 * than a few seconds; once it is back, a request succeeds within 1 s.
 */
class PostgresOutageUnderLoadApiTest extends AbstractApiTest {

    private static final int CLIENTS = 6;
    private static final Duration AWAY = Duration.ofSeconds(5);

    private TcpProxy proxy;

    /** One answer (or a failure to get one, status -1), with when it started and ended. */
    record Answer(int status, String contentType, String body, long startNanos, long endNanos) {
        long millis() {
            return (endNanos - startNanos) / 1_000_000;
        }
    }

    @Override
    protected Storage newStorage(Clock clock) {
        String direct = PostgresTestDatabase.freshSchemaUrl(getClass());
        URI target = URI.create(direct.substring("jdbc:".length()));
        try {
            proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SqlStorageFactory.open(null, direct.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"), clock);
    }

    @AfterEach
    void restoreTheDatabase() {
        proxy.restore();
    }

    @Test
    void underLoadAnOutageGivesOnly503sAndTheFirstRequestAfterItSucceedsWithinASecond() throws InterruptedException {
        List<Cdr> legs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            legs.add(Calls.leg(i, ACME));
        }
        assertThat(postNdjson(ndjson(legs)).statusCode()).isEqualTo(200);

        List<Answer> answers = new CopyOnWriteArrayList<>();
        var stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String path = (n + client) % 2 == 0 ? "/core/v2/app/conference/calls?limit=50"
                            : "/core/v2/app/conference/calls/" + legs.get(n % legs.size()).callSid();
                    answers.add(timed(path));
                }
            }));
        }
        Thread.sleep(500);
        long cutAt = System.nanoTime();
        proxy.cut();
        Thread.sleep(AWAY.toMillis());
        long restoredAt = System.nanoTime();
        proxy.restore();
        long deadline = restoredAt + Duration.ofSeconds(10).toNanos();
        while (answers.stream().noneMatch(a -> a.status() == 200 && a.endNanos() > restoredAt) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(1500);
        stop.set(true);
        for (Thread thread : clients) {
            thread.join();
        }

        long firstSuccessMillis = answers.stream().filter(a -> a.status() == 200 && a.endNanos() > restoredAt)
                .mapToLong(a -> (a.endNanos() - restoredAt) / 1_000_000).min().orElse(Long.MAX_VALUE);
        List<Answer> away = answers.stream().filter(a -> a.startNanos() > cutAt && a.endNanos() < restoredAt).toList();
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElse(0);
        System.out.printf("%s: %d answers, %d while away (%s), slowest %d ms, first 200 %d ms after the database returned%n",
                getClass().getSimpleName(), answers.size(), away.size(),
                away.stream().collect(java.util.stream.Collectors.groupingBy(Answer::status, java.util.stream.Collectors.counting())),
                slowest, firstSuccessMillis);

        assertThat(away).as("answers while the database was away").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(503);
                    assertThat(a.contentType()).startsWith("application/json");
                    assertThat(json(a.body()).get("errors")).isNotEmpty();
                });
        assertThat(answers).as("no 500, no failure to answer").allSatisfy(a -> assertThat(a.status()).isIn(200, 503));
        assertThat(slowest).as("the slowest answer, in ms").isLessThan(5_000);
        assertThat(firstSuccessMillis).as("ms from the database's return to the first 200").isLessThan(1_000);
    }

    private Answer timed(String path) {
        long start = System.nanoTime();
        var request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + acmeReader).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), start, System.nanoTime());
        } catch (IOException e) {
            return new Answer(-1, "", e.toString(), start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "", e.toString(), start, System.nanoTime());
        }
    }

    private static tools.jackson.databind.JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
