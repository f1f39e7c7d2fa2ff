package io.confcdr.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients generated from the bundled {@code openapi.json} compile, as EXTENSIONS.md promises: a Java client
 * from openapi-generator ({@code java}, library {@code native}) and TypeScript types from openapi-typescript;
 * and {@code redocly lint} finds nothing to warn about. The tools are real and pinned: openapi-generator-cli
 * is copied to {@code target/openapi-tools} by the build and runs in its own JVM; the npm tools are locked in
 * {@code src/test/openapi} and installed there with {@code npm ci} when missing. Without Node.js (npx) this
 * test fails: it never skips.
 */
class OpenApiClientsTest {

    private static final Path NODE_TOOLS = Path.of("src/test/openapi");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path work;

    private static Path document;

    @BeforeAll
    static void copyTheBundledDocument() throws IOException {
        document = work.resolve("openapi.json");
        try (InputStream in = OpenApiClientsTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            Files.copy(in, document);
        }
    }

    @Test
    void theJavaClientFromOpenApiGeneratorCompiles() throws IOException {
        Path tools = Path.of(System.getProperty("confcdr.openapi.tools", "target/openapi-tools"));
        Path generator = tools.resolve("openapi-generator-cli.jar");
        assertThat(generator).as("copied by the build (maven-dependency-plugin, execution openapi-tools)").exists();
        Path client = work.resolve("java-client");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A short-lived JVM: C1 alone starts it sooner; the generated tests and docs are not compiled here.
        run(work, List.of(java, "-XX:TieredStopAtLevel=1", "-jar", generator.toString(), "generate", "-g", "java",
                "--library", "native", "-i", document.toString(), "-o", client.toString(),
                "--model-package", "io.confcdr.client.model", "--api-package", "io.confcdr.client.api",
                "--invoker-package", "io.confcdr.client",
                "--global-property", "apiTests=false,modelTests=false,apiDocs=false,modelDocs=false"), Map.of());

        assertThat(modelClasses(client)).as("every model class is a schema the document names")
                .isSubsetOf(schemaNamesAnd("AbstractOpenApiSchema"));
        assertCompiles(sources(client.resolve("src/main/java")), jars(tools.resolve("java-client-classpath")), work.resolve("classes"));
    }

    @Test
    void theTypeScriptTypesFromOpenApiTypescriptCompile() {
        Path types = work.resolve("ts/confcdr.d.ts");
        npx("openapi-typescript", document.toString(), "--output", types.toString());
        npx("tsc", "--noEmit", "--strict", types.toString());
    }

    @Test
    void redoclyLintFindsNoProblem() throws IOException {
        String report = npx("redocly", "lint", document.toString(), "--format=json");
        JsonNode totals = JSON.readTree(report).path("totals");
        assertThat(totals.path("errors").asInt(-1)).as(report).isZero();
        assertThat(totals.path("warnings").asInt(-1)).as(report).isZero();
        assertThat(totals.path("ignored").asInt(-1)).as(report).isZero();
    }

    private static Set<String> schemaNamesAnd(String extra) throws IOException {
        Set<String> names = JSON.readTree(document.toFile()).path("components").path("schemas").propertyNames()
                .stream().collect(Collectors.toCollection(java.util.HashSet::new));
        names.add(extra);
        return names;
    }

    private static List<String> modelClasses(Path client) throws IOException {
        try (Stream<Path> files = Files.list(client.resolve("src/main/java/io/confcdr/client/model"))) {
            return files.map(file -> file.getFileName().toString().replace(".java", "")).sorted().toList();
        }
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }

    private static List<Path> jars(Path dir) throws IOException {
        assertThat(dir).as("copied by the build (maven-dependency-plugin, execution openapi-tools)").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".jar")).toList();
        }
    }

    private static void assertCompiles(List<Path> sources, List<Path> classpath, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the tests run on a JDK").isNotNull();
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "-nowarn", "-d", classes.toString(), "-classpath",
                    classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("javac: %s", diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(Object::toString).collect(Collectors.joining("\n"))).isTrue();
        }
    }

    /** Runs a pinned npm tool of {@code src/test/openapi}, installing the locked set first when it is missing. */
    private static String npx(String... command) {
        installNodeTools();
        List<String> line = new ArrayList<>(List.of("npx", "--no-install"));
        line.addAll(List.of(command));
        return run(NODE_TOOLS, line, Map.of("NO_UPDATE_NOTIFIER", "1", "REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"));
    }

    private static synchronized void installNodeTools() {
        JsonNode wanted = JSON.readTree(NODE_TOOLS.resolve("package.json").toFile()).path("devDependencies");
        boolean installed = wanted.properties().stream().allMatch(tool -> {
            Path manifest = NODE_TOOLS.resolve("node_modules").resolve(tool.getKey()).resolve("package.json");
            return Files.exists(manifest)
                    && JSON.readTree(manifest.toFile()).path("version").asString("").equals(tool.getValue().asString());
        });
        if (!installed) {
            run(NODE_TOOLS, List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Map.of());
        }
    }

    /**
     * Runs a child process to its end and returns its standard output; fails with everything it printed unless
     * it exits 0. Its standard error (notices such as Node.js deprecations) goes to a file, apart from the output.
     */
    private static String run(Path dir, List<String> command, Map<String, String> environment) {
        Process process;
        Path errors;
        try {
            errors = Files.createTempFile(work, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            return fail("cannot run %s (%s): Node.js with npm/npx and a JDK are needed for the OpenAPI client checks",
                    command.getFirst(), e.getMessage());
        }
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String printed = output + Files.readString(errors, StandardCharsets.UTF_8);
            assertThat(finished).as("%s finishes:%n%s", String.join(" ", command), printed).isTrue();
            assertThat(process.exitValue()).as("%s:%n%s", String.join(" ", command), printed).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
