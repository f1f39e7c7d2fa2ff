package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.FailingStorage;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.memory.MemoryStorage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What clients see when the database is down or the server fails: a clean status, never a stack trace. */
class StoreFailureApiTest extends AbstractApiTest {

    private static final String SERVICE_UNAVAILABLE = "{\"errors\":[{\"field\":null,\"message\":\"the store is unreachable; retry later\"}],"
            + "\"message\":\"Service unavailable\"}";

    private FailingStorage failing;

    @Override
    protected Storage newStorage(Clock clock) {
        failing = new FailingStorage(new MemoryStorage(clock));
        return failing;
    }

    @Test
    void listingWhileTheStoreIsDownIs503() {
        failing.failWith(() -> new StoreUnavailableException("connection refused to 10.0.0.5:5432 (SELECT * FROM cdr)", null));

        HttpResponse<String> response = get("/core/v2/app/conference/calls", acmeReader);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(SERVICE_UNAVAILABLE);
    }

    @Test
    void readingARecordWhileTheStoreIsDownIs503() {
        failing.failWith(() -> new StoreUnavailableException("timeout", null));

        assertThat(getRecord("69057c3e-bb90-4ed3-9c53-000000001142", acmeReader).body()).isEqualTo(SERVICE_UNAVAILABLE);
    }

    @Test
    void ingestingWhileTheStoreIsDownIs503() {
        failing.failWith(() -> new StoreUnavailableException("timeout", null));

        HttpResponse<String> response = postNdjson(ndjson(List.of(Calls.leg(1, ACME))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(SERVICE_UNAVAILABLE);
    }

    @Test
    void healthIs503WhileTheStoreIsDown() {
        failing.failWith(() -> new StoreUnavailableException("timeout", null));

        HttpResponse<String> response = get("/health", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"unavailable\",\"reason\":\"the store does not answer\","
                + "\"version\":\"" + io.confcdr.boot.Version.current() + "\"}");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500LoggedOnlyOnTheServer() {
        failing.failWith(() -> new IllegalStateException("column \"secret_internal\" does not exist in SELECT x FROM cdr"));

        HttpResponse<String> response = get("/core/v2/app/conference/calls", acmeReader);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"errors\":[{\"field\":null,\"message\":\"something went wrong on our side; it has been logged\"}],"
                + "\"message\":\"Internal server error\"}");
        assertThat(log.list).anySatisfy(event -> assertThat(event.getThrowableProxy().getMessage()).contains("secret_internal"));
    }
}
