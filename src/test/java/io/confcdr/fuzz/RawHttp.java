package io.confcdr.fuzz;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that sends a request target exactly as given (bytes a URL class
 * would refuse included) and reads the whole response. Reconnects after the server closes.
 */
final class RawHttp implements AutoCloseable {

    record Response(int status, boolean json, byte[] body) {
    }

    private static final int MAX_LINE = 64 * 1024;

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * @param head the request line and headers, without the blank line that ends them
     * @throws IOException when the server closes a fresh connection without answering
     */
    Response exchange(byte[] head, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return send(head, body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            // Closed after the previous answer (Jetty does so after some 400s without saying so): retry once.
            return exchange(head, body);
        }
    }

    private Response send(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        }
        out.write(head);
        out.write("\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII));
        out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
        out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean json = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("content-type:")) {
                json = lower.contains("application/json");
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        var body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = chunkSize(line()); size > 0; size = chunkSize(line())) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new EOFException("connection closed inside a body");
            }
            body.write(bytes);
        }
        if (closing) {
            close();
        }
        return new Response(code, json, body.toByteArray());
    }

    private static int chunkSize(String line) {
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        var line = new StringBuilder(64);
        for (int i = 0; i < MAX_LINE; i++) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        throw new IOException("response line too long");
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
