package io.confcdr.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code confcdr serve} as a real child process: the test JVM's own java and class path, a port chosen once
 * and kept across restarts, output appended to a log file that failure messages quote. {@link #kill()} is
 * {@code kill -9} (the JDK sends SIGKILL for {@code destroyForcibly} on Linux, and the exit status proves it).
 */
public final class ChildServer implements AutoCloseable {

    /** The exit status of a process ended by SIGKILL (128 + 9). */
    static final int KILLED = 137;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> storeArgs;
    private final List<String> extraArgs;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;
    private int starts;
    private long lastStartMillis;

    private ChildServer(List<String> storeArgs, List<String> extraArgs, Map<String, String> env, Path log) {
        this.storeArgs = storeArgs;
        this.extraArgs = extraArgs;
        this.env = env;
        this.log = log;
        this.port = freePort();
    }

    /** A server on the embedded store in {@code dataDir}; not started. */
    public static ChildServer onSqlite(Path dataDir, Path log, String... extraArgs) {
        return new ChildServer(List.of("--data", dataDir.toString()), List.of(extraArgs), Map.of(), log);
    }

    /** A server on PostgreSQL at {@code jdbcUrl}; not started. */
    public static ChildServer onPostgres(String jdbcUrl, Path log, String... extraArgs) {
        return new ChildServer(List.of("--db", jdbcUrl), List.of(extraArgs), Map.of(), log);
    }

    /** Starts the process and waits until {@code /health/ready} answers 200. */
    public ChildServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // The class-data archive of the first start makes the restarts quicker.
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + Path.of("target", "faults", "child-server.jsa").toAbsolutePath(),
                "-cp", classPath(), "io.confcdr.cli.Main", "serve",
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        command.addAll(storeArgs);
        command.addAll(extraArgs);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "---- start " + (++starts) + ": serve " + String.join(" ", storeArgs) + " " + String.join(" ", extraArgs) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().remove("CONFCDR_DATA");
            builder.environment().remove("CONFCDR_DB");
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        awaitReady();
        lastStartMillis = (System.nanoTime() - started) / 1_000_000;
        return this;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("confcdr exited with " + process.exitValue() + " before it was ready:\n" + logText());
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/health/ready")))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(50);
        }
        throw new AssertionError("confcdr was not ready within " + READY_WITHIN + ":\n" + logText());
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or released. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("confcdr survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (process.exitValue() != KILLED) {
            throw new AssertionError("confcdr ended with " + process.exitValue() + ", not by SIGKILL:\n" + logText());
        }
    }

    /** Starts it again on the same store and port (after {@link #kill()}). */
    public ChildServer restart() {
        return start();
    }

    /** How long the last start took until ready, in milliseconds. */
    public long lastStartMillis() {
        return lastStartMillis;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    /** Everything the process wrote, for failure messages (the last 20 000 characters). */
    public String logText() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 20_000 ? "…" + text.substring(text.length() - 20_000) : text;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (alive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Surefire runs tests from a manifest-only jar and keeps the real class path in a property; outside
     * surefire (an IDE) {@code java.class.path} is the real one.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire == null || surefire.isBlank() ? System.getProperty("java.class.path") : surefire;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
