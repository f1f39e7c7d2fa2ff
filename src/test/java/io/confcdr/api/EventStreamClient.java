package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server-sent-events client on a plain socket speaking HTTP/1.1 (chunked, as a browser's EventSource
 * receives it): a pump thread parses lines into events and comments, the test takes them with a
 * deadline. {@link #close} closes the socket, as a client that goes away does, and stops the pump.
 */
final class EventStreamClient implements AutoCloseable {

    sealed interface Message permits Event, Comment, End {
    }

    record Event(String id, String data) implements Message {
    }

    record Comment(String text) implements Message {
    }

    record End() implements Message {
    }

    private final Socket socket;
    private final int status;
    private final Map<String, String> headers;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Thread pump;

    private EventStreamClient(Socket socket, int status, Map<String, String> headers, InputStream body) {
        this.socket = socket;
        this.status = status;
        this.headers = headers;
        this.pump = Thread.ofVirtual().start(() -> pumpLines(body));
    }

    /**
     * Connects and returns once the response head has arrived: from then on, the stream is positioned.
     *
     * @param pathAndQuery already URL-encoded
     */
    static EventStreamClient open(int port, String pathAndQuery, String token, String lastEventId) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    .append("Accept: text/event-stream\r\nAuthorization: Bearer ").append(token).append("\r\n");
            if (lastEventId != null) {
                request.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            InputStream body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Dechunked(in) : in;
            return new EventStreamClient(socket, status, headers, body);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    int status() {
        return status;
    }

    /** A response header, by its name in lower case. */
    String header(String name) {
        return headers.get(name);
    }

    private void pumpLines(InputStream body) {
        String id = null;
        StringBuilder data = null;
        try {
            var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        messages.add(new Event(id, data.toString()));
                    }
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    messages.add(new Comment(line.substring(1).strip()));
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                } else {
                    messages.add(new Comment("unexpected line: " + line));
                }
            }
        } catch (IOException closed) {
            // The test closed the socket, or the server cut the connection: either way, the end.
        }
        messages.add(new End());
    }

    /** The next message of any kind, or fails when none comes before the deadline. */
    Message next(Duration timeout) {
        try {
            Message message = messages.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s", timeout).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, skipping comments; fails on the end of the stream or when none comes in time. */
    Event nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = next(Duration.ofNanos(deadline - System.nanoTime()));
            assertThat(message).as("the stream ended").isNotInstanceOf(End.class);
            if (message instanceof Event event) {
                return event;
            }
        }
    }

    List<Event> nextEvents(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> events = new ArrayList<>();
        while (events.size() < count) {
            events.add(nextEvent(Duration.ofNanos(deadline - System.nanoTime())));
        }
        return events;
    }

    @Override
    public void close() {
        closeQuietly(socket);
        try {
            pump.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all we wanted.
        }
    }

    /** One CRLF-terminated line of the response head, in ISO-8859-1 as HTTP heads are. */
    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the response head");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    /** The body of a chunked response: chunk after chunk, until the zero-length one. */
    private static final class Dechunked extends InputStream {

        private final InputStream in;
        private long left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size.isEmpty()) {
                    size = line(in); // the CRLF that ends the previous chunk
                }
                left = Long.parseLong(size.split(";")[0].strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new IOException("connection closed inside a chunk");
            }
            left -= n;
            return n;
        }
    }
}
