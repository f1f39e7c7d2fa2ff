package io.confcdr.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServerProcess} in a child JVM with a heap limit, on this JVM's class path, dying at the first
 * OutOfMemoryError (exit code 3) rather than limping on. {@link #stop} ends it and returns what it
 * reported about its heap.
 */
public final class ChildServer implements AutoCloseable {

    /** What the child reported at its end: its exit code, peak heap used and max heap, in bytes. */
    public record Ended(int exitCode, long peakHeapUsed, long maxHeap, String stderr) {
    }

    private final Process process;
    private final BufferedReader out;
    private final Path stderr;
    private final int port;

    /**
     * @param store {@code sqlite} or {@code postgres}
     * @param location the SQLite data directory or the PostgreSQL JDBC URL
     * @param jvmOptions for example {@code -Xmx64m}
     */
    public ChildServer(String store, String location, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ServerProcess.class.getName());
        command.add(store);
        command.add(location);
        this.stderr = java.nio.file.Files.createTempFile("confcdr-child-server-", ".err");
        this.process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("listening ")) {
            line = out.readLine();
        }
        if (line == null || !line.startsWith("listening ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the child server did not start: " + line + "\n" + java.nio.file.Files.readString(stderr));
        }
        this.port = Integer.parseInt(line.substring("listening ".length()).strip());
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Closes its standard input, waits for it to report and exit. */
    public Ended stop() throws IOException, InterruptedException {
        if (process.isAlive()) {
            process.getOutputStream().close();
        }
        long peak = -1;
        long max = -1;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("peak-heap-used ")) {
                peak = Long.parseLong(line.substring(15).strip());
            } else if (line.startsWith("max-heap ")) {
                max = Long.parseLong(line.substring(9).strip());
            }
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return new Ended(process.exitValue(), peak, max, java.nio.file.Files.readString(stderr));
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            java.nio.file.Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
