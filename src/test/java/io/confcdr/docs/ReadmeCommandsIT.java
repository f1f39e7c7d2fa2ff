package io.confcdr.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code bash} block of README.md, docs/operations.md and docs/backup.md, pasted in that order into one
 * bash ({@code set -e}) in a fresh directory (so on a fresh store in {@code ./data}), with the packaged
 * application behind {@code bin/confcdr}: the documented commands work as written. Blocks marked
 * {@code console} or {@code text} are shown, not run. Runs in the verify phase, after {@code package} built the
 * jar that {@code bin/confcdr} runs. What the blocks start in the background ({@code serve &}) is ended with
 * the process group.
 */
class ReadmeCommandsIT {

    private static final List<String> DOCUMENTS = List.of("README.md", "docs/operations.md", "docs/backup.md");
    private static final Pattern BLOCK = Pattern.compile("^```(\\w*)\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final String DONE = "::readme-block-done ";
    private static final List<Integer> PORTS = List.of(8080, 9000);
    /** About 40 s on a quiet machine (17 JVM starts); far more when the machine is shared by several builds. */
    private static final int TIMEOUT_SECONDS = 300;

    @TempDir
    Path work;

    @Test
    void everyBashBlockOfTheDocumentsSucceedsWhenPastedInOrder() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        assertThat(root.resolve("README.md")).as("README.md").exists();
        assertThat(root.resolve("target/confcdr.jar")).as("the packaged application").exists();
        List<String> names = new ArrayList<>();
        StringBuilder script = new StringBuilder("set -e\n");
        for (String document : DOCUMENTS) {
            Path file = root.resolve(document);
            if (!Files.exists(file)) {
                continue;
            }
            Matcher block = BLOCK.matcher(Files.readString(file));
            int index = 0;
            while (block.find()) {
                index++;
                String language = block.group(1);
                assertThat(language).as("%s block %d: bash (run) or console/text (shown), not sh", document, index)
                        .isNotIn("sh", "shell");
                if (language.equals("bash")) {
                    names.add(document + " block " + index);
                    // On a line of its own even after output without a final newline (curl's JSON).
                    script.append(block.group(2)).append("\nprintf '\\n%s\\n' '").append(DONE).append(names.size()).append("'\n");
                }
            }
        }
        assertThat(names).as("bash blocks").isNotEmpty();
        PORTS.forEach(ReadmeCommandsIT::assertFree);

        Files.createSymbolicLink(work.resolve("bin"), root.resolve("bin"));
        Path scriptFile = Files.writeString(work.resolve("readme.sh"), script);
        Path output = work.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", scriptFile.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CONFCDR_"));
        Process bash = builder.start();
        boolean finished;
        try {
            finished = bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            killGroup(bash.pid());
        }
        Files.delete(work.resolve("bin"));
        String log = Files.readString(output, StandardCharsets.UTF_8);
        int done = (int) log.lines().filter(line -> line.startsWith(DONE)).count();
        assertThat(finished).as("the blocks finished within %d s; output:\n%s", TIMEOUT_SECONDS, log).isTrue();
        assertThat(bash.exitValue())
                .as("%s failed (exit %d); output:\n%s", done < names.size() ? names.get(done) : "the script",
                        bash.exitValue(), log)
                .isZero();
        assertThat(done).isEqualTo(names.size());
    }

    private static void assertFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("0.0.0.0", port));
        } catch (IOException e) {
            throw new AssertionError("port " + port + ", which the README's commands use, is taken by another "
                    + "process; stop it and run again");
        }
    }

    /** The script and everything it left running in the background (setsid made it the group's leader). */
    private static void killGroup(long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", "--", "-" + pid).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(500);
        new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }
}
