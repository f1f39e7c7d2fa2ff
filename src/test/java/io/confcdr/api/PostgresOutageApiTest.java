package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.TcpProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL outage as API clients live it: the server reaches the database through a {@link TcpProxy}
 * that the test cuts. While it is cut, every CDR endpoint answers 503 with the error document (the token
 * lookup needs the database too); once it is restored, the same server answers 200 again, without a restart.
 *
 * <p>While the database is away the pool retries connecting with a back-off of up to 5 s (HikariCP's); the
 * store's {@code PoolRecovery} cuts that short once the database answers, so a request succeeds within about
 * 100 ms of its return ({@link PostgresOutageUnderLoadApiTest} measures it). {@link #awaitRecovery()} still
 * retries, through {@code /health}, as clients retry a 503.
 */
class PostgresOutageApiTest extends AbstractApiTest {

    private static final String LIST = "/core/v2/app/conference/calls";
    private static final String SERVICE_UNAVAILABLE = "{\"errors\":[{\"field\":null,\"message\":\"the store is unreachable; retry later\"}],"
            + "\"message\":\"Service unavailable\"}";

    private TcpProxy proxy;

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

    private Cdr storedBeforeTheOutage() {
        Cdr leg = Calls.leg(1, ACME);
        assertThat(postNdjson(ndjson(List.of(leg))).statusCode()).isEqualTo(200);
        return leg;
    }

    /** Asks {@code /health} until the server reaches the database again (a few attempts at most). */
    private void awaitRecovery() {
        int attempts = 0;
        while (get("/health", null).statusCode() != 200) {
            assertThat(++attempts).as("health checks answered 503 after the database came back").isLessThan(10);
        }
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(SERVICE_UNAVAILABLE);
    }

    @Test
    void readingWhileTheDatabaseIsCutIs503WithTheErrorDocument() {
        Cdr leg = storedBeforeTheOutage();
        proxy.cut();

        assertUnavailable(get(LIST, acmeReader));
        assertUnavailable(getRecord(leg.callSid(), acmeReader));
    }

    @Test
    void ingestingWhileTheDatabaseIsCutIs503AndStoresNothing() {
        storedBeforeTheOutage();
        proxy.cut();

        assertUnavailable(postNdjson(ndjson(List.of(Calls.leg(2, ACME)))));

        proxy.restore();
        awaitRecovery();
        assertThat(listedCallSids(acmeReader)).containsExactly(Calls.leg(1, ACME).callSid());
    }

    @Test
    void theSameServerAnswersAgainOnceTheDatabaseIsBack() {
        Cdr before = storedBeforeTheOutage();
        proxy.cut();
        assertUnavailable(get(LIST, acmeReader));
        assertThat(get("/health", null).statusCode()).isEqualTo(503);

        proxy.restore();
        awaitRecovery();

        Cdr after = Calls.leg(2, ACME);
        assertThat(postNdjson(ndjson(List.of(after))).statusCode()).isEqualTo(200);
        HttpResponse<String> read = getRecord(before.callSid(), acmeReader);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(expectedReadBack(before, read));
        assertThat(listedCallSids(acmeReader)).containsExactly(before.callSid(), after.callSid());
    }
}
