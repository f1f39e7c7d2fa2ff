package io.confcdr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.confcdr.api.ApiConfig;
import io.confcdr.api.ApiServer;
import io.confcdr.auth.TokenIssuer;
import io.confcdr.ingest.Ingestor;
import io.confcdr.store.Storage;
import io.confcdr.store.sql.SqlStorageFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The README's tour with the real services on a real SQLite data directory: generated partners and
 * records piped into {@code partner import -} and {@code import -}, a token created by {@code token create},
 * and that token reading the imported records from a server on the same directory.
 */
class CommandLineOnTheEmbeddedStoreTest {

    private static final String ROOT_PARTNER = "5f0e3f6c-2a41-4c8e-9d7b-6c1a00000001";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private String generatedRecords;

    record Result(int exitCode, String out, String err) {
    }

    /** Runs one command as {@code confcdr --data <dir> …} would, with {@code stdin} as its input. */
    private Result confcdr(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var context = new CliContext(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                Clock.systemUTC(), StorageOptions::openCreatingDataDir,
                (storage, clock) -> new Ingestor(storage, clock)::ingestNdjson,
                (storage, clock) -> new TokenIssuer(storage.tokens(), clock)::issue);
        String[] withData = new String[args.length + 2];
        System.arraycopy(args, 0, withData, 0, args.length);
        withData[args.length] = "--data";
        withData[args.length + 1] = dataDir.toString();
        int exitCode = Main.run(context, withData);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code confcdr generate …} needs no store: its output is the next command's input. */
    private static String generate(String... args) {
        var out = new ByteArrayOutputStream();
        var context = new CliContext(InputStream.nullInputStream(), out, new ByteArrayOutputStream(), Clock.systemUTC(),
                (dir, url) -> {
                    throw new AssertionError("generate opened a store");
                }, null, null);
        assertThat(Main.run(context, args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void importGeneratedPartners() {
        Result partners = confcdr(generate("generate", "--partners"), "partner", "import", "-");
        assertThat(partners.exitCode()).as(partners.err()).isZero();
        assertThat(partners.out()).isEqualTo("created 8, existing 0\n");
        generatedRecords = generate("generate", "--records", "2000", "--seed", "7");
    }

    @Test
    void generatedRecordsPipedIntoImportAreAllAccepted() {
        Result imported = confcdr(generatedRecords, "import", "-");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("accepted 2000, duplicates 0, rejected 0\n");
    }

    @Test
    void importingTheSameRecordsAgainCountsThemAsDuplicates() {
        confcdr(generatedRecords, "import", "-");

        Result again = confcdr(generatedRecords, "import", "-");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("accepted 0, duplicates 2000, rejected 0\n");
    }

    @Test
    void aCreatedTokenListsAndReadsTheImportedRecordsOverHttp() throws Exception {
        confcdr(generatedRecords, "import", "-");
        Result created = confcdr("", "token", "create", "--partner", ROOT_PARTNER, "--scopes", "app.read,app.read_descendant");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String token = created.out().strip();

        try (Storage storage = SqlStorageFactory.open(dataDir, null);
             ApiServer server = ApiServer.start(storage, ApiConfig.onPort(0), Clock.systemUTC())) {
            String calls = "http://127.0.0.1:" + server.port() + "/core/v2/app/conference/calls";
            JsonNode page = JSON.readTree(get(calls + "?with_total=true&limit=3", token));
            assertThat(page.get("total").intValue()).isEqualTo(2000);
            assertThat(page.get("count").intValue()).isEqualTo(3);

            ObjectNode sent = (ObjectNode) JSON.readTree(generatedRecords.lines().findFirst().orElseThrow());
            ObjectNode read = (ObjectNode) JSON.readTree(get(calls + "/" + sent.get("call_sid").stringValue(), token));
            assertThat(read.remove("date_insert")).isNotNull();
            for (String attribute : read.propertyNames()) {
                JsonNode expected = sent.has(attribute) ? sent.get(attribute) : JSON.nullNode();
                assertThat(read.get(attribute)).as(attribute).isEqualTo(expected);
            }
            assertThat(read.propertyNames()).containsAll(sent.propertyNames());
            assertThat(page.get("items").get(0)).isEqualTo(JSON.readTree(get(calls + "/" + page.get("items").get(0).get("call_sid").stringValue(), token)));
        }
    }

    private static String get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
