package io.confcdr.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.ManualClock;
import io.confcdr.model.ApiToken;
import io.confcdr.model.Partner;
import io.confcdr.store.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL stores answer the per-request auth lookups (token by hash, partner subtree) from a short-lived
 * cache: a change made behind the store's back (as another process sharing the database would) is seen
 * only once the time to live has passed on the store's clock.
 */
class SqliteAuthLookupCacheTest {

    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");
    private static final byte[] HASH = "sha256:cached-secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock(START);
    private Storage storage;

    @BeforeEach
    void open() {
        storage = SqlStorageFactory.open(dataDir, null, clock);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void tokenRevokedByAnotherProcessIsAcceptedUntilTheTimeToLivePasses() throws SQLException {
        ApiToken token = new ApiToken("tok-1", "acme", "reporting", Set.of("app.read"), START, null, null, null);
        storage.tokens().create(token, HASH);
        assertThat(storage.tokens().findByHash(HASH)).contains(token);

        behindTheStoresBack("UPDATE api_token SET date_revoked = date_created WHERE id = 'tok-1'");

        assertThat(storage.tokens().findByHash(HASH).orElseThrow().dateRevoked()).isNull();
        clock.advance(ExpiringCache.TIME_TO_LIVE);
        assertThat(storage.tokens().findByHash(HASH).orElseThrow().dateRevoked()).isNotNull();
    }

    @Test
    void partnerMovedByAnotherProcessStaysInTheOldSubtreeUntilTheTimeToLivePasses() throws SQLException {
        storage.partners().create(new Partner("root", "Root", null, Partner.ACTIVE, START));
        storage.partners().create(new Partner("reseller", "Reseller", "root", Partner.ACTIVE, START));
        storage.partners().create(new Partner("customer", "Customer", "reseller", Partner.ACTIVE, START));
        assertThat(storage.partners().subtree("reseller")).containsExactlyInAnyOrder("reseller", "customer");

        behindTheStoresBack("UPDATE partner SET parent_sid = 'root' WHERE sid = 'customer'");

        assertThat(storage.partners().subtree("reseller")).containsExactlyInAnyOrder("reseller", "customer");
        clock.advance(ExpiringCache.TIME_TO_LIVE);
        assertThat(storage.partners().subtree("reseller")).containsExactly("reseller");
    }

    private void behindTheStoresBack(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("confcdr.db"))) {
            assertThat(connection.createStatement().executeUpdate(sql)).isEqualTo(1);
        }
    }
}
