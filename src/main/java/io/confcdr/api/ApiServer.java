package io.confcdr.api;

import io.confcdr.store.Storage;
import java.time.Clock;

/** The running HTTP API. Port 0 picks a free port; {@link #port()} tells which. */
public final class ApiServer implements AutoCloseable {

    private ApiServer() {
    }

    public static ApiServer start(Storage storage, ApiConfig config, Clock clock) {
        throw new UnsupportedOperationException("TODO(api): start Javalin");
    }

    public int port() {
        throw new UnsupportedOperationException("TODO(api)");
    }

    @Override
    public void close() {
    }
}
