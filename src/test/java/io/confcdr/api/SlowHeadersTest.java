package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.store.Storage;
import io.confcdr.store.memory.MemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold a connection open by sending their request a byte at a time (slowloris): the idle
 * timeout never fires for them, the header deadline does. A short deadline keeps these tests quick.
 */
class SlowHeadersTest extends AbstractApiTest {

    private static final Duration DEADLINE = Duration.ofMillis(800);
    private static final String REQUEST_LINE = "GET /core/v2/app/conference/calls?limit=1 HTTP/1.1\r\n";
    /** Longer than the test dribbles, and valid all along: only time can end it. */
    private static final String SLOW_REQUEST_LINE = "GET /core/v2/app/conference/calls?limit=1&pad=" + "a".repeat(500);

    @Override
    protected Storage newStorage(Clock clock) {
        return new MemoryStorage(clock);
    }

    @Override
    protected ApiConfig config() {
        return super.config().withHeaderDeadline(DEADLINE);
    }

    @Test
    void aClientThatDribblesItsRequestLineIsDisconnectedAtTheDeadline() throws IOException {
        try (Socket socket = connect()) {
            long start = System.nanoTime();

            boolean closed = dribbleUntilClosed(socket, SLOW_REQUEST_LINE, Duration.ofSeconds(5));

            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(closed).as("closed by the server").isTrue();
            assertThat(elapsedMillis).isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 700);
        }
    }

    @Test
    void aClientThatSendsNothingAfterConnectingIsDisconnectedAtTheDeadline() throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            long start = System.nanoTime();

            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();

            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(DEADLINE.toMillis() - 100, DEADLINE.toMillis() + 700);
        }
    }

    @Test
    void aKeptAliveConnectionMayIdleBetweenRequestsBeyondTheDeadline() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 ");

            Thread.sleep(DEADLINE.toMillis() * 2);

            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 ");
        }
    }

    @Test
    void aSecondRequestDribbledOnAKeptAliveConnectionIsDisconnectedToo() throws IOException {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5_000);
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200 ");
            long start = System.nanoTime();

            boolean closed = dribbleUntilClosed(socket, SLOW_REQUEST_LINE, Duration.ofSeconds(5));

            assertThat(closed).as("closed by the server").isTrue();
            // Measured from the request's first byte, the server allows at least one deadline and at most two.
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(DEADLINE.toMillis() - 100, 2 * DEADLINE.toMillis() + 700);
        }
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.port());
    }

    /** One complete request on the connection and its response (status line, headers, body). */
    private String exchange(Socket socket) throws IOException {
        String request = REQUEST_LINE + "Host: 127.0.0.1\r\nAuthorization: Bearer " + acmeReader + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        var response = new StringBuilder();
        while (!response.toString().endsWith("\r\n\r\n")) {
            response.append((char) in.read());
        }
        String head = response.toString().toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at >= 0) {
            int length = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).strip());
            response.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        } else {
            while (!response.toString().endsWith("\r\n0\r\n\r\n")) {
                response.append((char) in.read());
            }
        }
        return response.toString();
    }

    /** Sends {@code text} a byte every 50 ms until the server closes the connection or {@code limit} passes. */
    private static boolean dribbleUntilClosed(Socket socket, String text, Duration limit) throws IOException {
        socket.setSoTimeout(50);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        long end = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < text.length() && System.nanoTime() < end; i++) {
            try {
                out.write(text.charAt(i));
                out.flush();
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                continue;
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
