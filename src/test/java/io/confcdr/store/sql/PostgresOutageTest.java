package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.confcdr.model.Cdr;
import io.confcdr.query.Visibility;
import io.confcdr.store.Storage;
import io.confcdr.store.StoreUnavailableException;
import io.confcdr.store.TestRecords;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL outage, played through a {@link TcpProxy}: while the database is unreachable the store
 * fails fast with {@link StoreUnavailableException} (the API's 503), and once it is back the same
 * store works again without being reopened.
 */
class PostgresOutageTest {

    /** Generous bound on failing fast: pool and driver timeouts are a few seconds, the defaults minutes. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(20);

    private TcpProxy proxy;
    private Storage storage;
    private final TestRecords records = new TestRecords();

    @BeforeEach
    void openThroughProxy() throws Exception {
        String direct = PostgresTestDatabase.freshSchemaUrl(getClass());
        URI target = URI.create(direct.substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        String viaProxy = direct.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        storage = SqlStorageFactory.open(null, viaProxy, Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        proxy.restore();
        if (storage != null) {
            storage.close();
        }
        proxy.close();
    }

    private Cdr stored(String name) {
        Cdr cdr = records.call(name).build();
        storage.cdrs().insert(List.of(cdr));
        return cdr;
    }

    @Test
    void unreachableDatabaseFailsFastAsUnavailable() {
        Cdr cdr = stored("before-outage");

        proxy.cut();

        assertTimeoutPreemptively(FAIL_FAST, () -> {
            assertThatThrownBy(() -> storage.cdrs().find(cdr.callSid(), Visibility.of(records.partnerSid())))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> storage.cdrs().insert(List.of(records.call("during-outage").build())))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(storage.isAvailable()).isFalse();
        });
    }

    @Test
    void storeWorksAgainOnceTheDatabaseIsBack() {
        Cdr cdr = stored("before-outage");
        proxy.cut();
        assertThatThrownBy(() -> storage.cdrs().find(cdr.callSid(), Visibility.of(records.partnerSid())))
                .isInstanceOf(StoreUnavailableException.class);

        proxy.restore();

        assertThat(storage.cdrs().find(cdr.callSid(), Visibility.of(records.partnerSid()))).isPresent();
        Cdr after = stored("after-outage");
        assertThat(storage.cdrs().find(after.callSid(), Visibility.of(records.partnerSid()))).isPresent();
        assertThat(storage.isAvailable()).isTrue();
    }
}
