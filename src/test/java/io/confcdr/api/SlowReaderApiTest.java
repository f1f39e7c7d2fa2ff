package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.model.Cdr;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that ask for large pages and then do not read them. The list route reads its page from the store
 * before it writes a byte, so such a client holds no database connection; and the page is written outside
 * the limit on pages being read at once, so such clients do not take that limit from the others either.
 * More stalled readers than the pool has connections and than pages may be read at once: a record by
 * call_sid and another list still answer 200, at once.
 */
class SlowReaderApiTest extends AbstractApiTest {

    private static final int STALLED_READERS = 8;
    private static final String LIST = "/core/v2/app/conference/calls";

    @TempDir
    Path dataDir;

    @Override
    protected Storage newStorage(Clock clock) {
        return SqlStorageFactory.open(dataDir, null, clock);
    }

    @Test
    void readersThatStallOnALargePageHoldNeitherAConnectionNorAPageSlot() throws IOException, InterruptedException {
        List<Cdr> legs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // About 4 MB a page: more than the socket buffers on both sides hold, so the server's write blocks.
            legs.add(Calls.leg(i, ACME).toBuilder().customName("x".repeat(1000)).userAgent("y".repeat(1000))
                    .disconnectReason("z".repeat(1000)).audioKey("k".repeat(1000)).build());
        }
        assertThat(postNdjson(ndjson(legs)).statusCode()).isEqualTo(200);

        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_READERS; i++) {
                stalled.add(stalledReader(LIST + "?limit=1000"));
            }
            // Time for the server to fill the sockets and block in its writes.
            Thread.sleep(1500);

            long start = System.nanoTime();
            assertThat(getRecord(legs.get(7).callSid(), acmeReader).statusCode()).isEqualTo(200);
            assertThat(get(LIST + "?limit=10", acmeReader).statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms for a GET and a list beside the stalled readers").isLessThan(2_000);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** Sends a list request on a socket with a tiny receive buffer, and never reads the answer. */
    private Socket stalledReader(String path) throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + acmeReader + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
