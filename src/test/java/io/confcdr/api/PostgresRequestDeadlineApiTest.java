package io.confcdr.api;

import io.confcdr.store.Storage;
import io.confcdr.store.sql.PostgresTestDatabase;
import io.confcdr.store.sql.SqlStorageFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;

/** On PostgreSQL a list waits for another transaction's lock on the table: the deadline cancels the query. */
class PostgresRequestDeadlineApiTest extends RequestDeadlineApiContract {

    private String url;

    @Override
    protected Storage newStorage(Clock clock) {
        url = PostgresTestDatabase.freshSchemaUrl(getClass());
        return SqlStorageFactory.open(null, url, clock, POOL_SIZE);
    }

    @Override
    protected AutoCloseable holdLock() throws Exception {
        Connection other = DriverManager.getConnection(url);
        other.setAutoCommit(false);
        other.createStatement().execute("LOCK TABLE cdr IN ACCESS EXCLUSIVE MODE");
        return other;
    }

    @Override
    protected HttpRequest.Builder blockedRequest() {
        return HttpRequest.newBuilder(URI.create(url("/core/v2/app/conference/calls?limit=10")))
                .header("Authorization", "Bearer " + acmeReader);
    }
}
