package io.confcdr.cli;

import io.confcdr.auth.Caller;
import io.confcdr.boot.Services;
import io.confcdr.export.CdrExport;
import io.confcdr.export.ExportFormat;
import io.confcdr.export.ExportRequest;
import io.confcdr.export.ExportRequestParser;
import io.confcdr.query.QueryException;
import io.confcdr.store.UnknownCursorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports CDRs as NDJSON or CSV: from a server ({@code --url}, {@code --token}) through
 * {@code GET …/calls/export}, or straight from a store ({@code --data}/{@code --db}) as the operator.
 * {@code --resume} continues a partial output file after its last complete record.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export CDRs as NDJSON or CSV from a server (--url) or a local store (--data/--db).")
final class ExportCommand implements Callable<Integer> {

    private static final String PATH = "/core/v2/app/conference/calls/export";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Option(names = "--url", paramLabel = "URL", description = "A confcdr server, e.g. http://localhost:8080; without it the local store is read.")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CONFCDR_TOKEN}",
            description = "Bearer token with app.read or app.manage, for --url (env CONFCDR_TOKEN).")
    String token;

    @Option(names = "--filter", paramLabel = "FILTER", description = "The list route's filter, e.g. \"date_start ge 2024-12-01\".")
    String filter;

    @Option(names = "--format", paramLabel = "ndjson|csv", defaultValue = "ndjson", description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--resume", description = "Continue FILE after its last complete record (a partial last record is cut).")
    boolean resume;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        ExportFormat chosen = ExportFormat.byName(format)
                .orElseThrow(() -> CliException.usage("--format must be ndjson or csv but found '" + format + "'"));
        if (resume && output == null) {
            throw CliException.usage("--resume needs --output FILE");
        }
        if (url != null && (token == null || token.isBlank())) {
            throw CliException.usage("--url needs --token (or CONFCDR_TOKEN)");
        }
        ExportResumePoint from = resume ? ExportResumePoint.of(output, chosen) : new ExportResumePoint(0, null, false);
        if (resume) {
            from.truncate(output);
        }
        var progress = new ExportProgress(spec.commandLine().getErr(), output != null && context.err() == System.err && System.console() != null);
        boolean skipHeader = chosen == ExportFormat.CSV && from.hasCsvHeader();
        try (var out = new ExportOutput(open(resume), chosen == ExportFormat.CSV, skipHeader)) {
            try {
                if (url != null) {
                    overHttp(chosen, from.lastCallSid(), out, progress);
                } else {
                    fromStore(chosen, from.lastCallSid(), out, progress);
                }
            } catch (IOException | RuntimeException failure) {
                if (failure instanceof CliException) {
                    throw failure;
                }
                throw new CliException(ExitCodes.FAILURE, "the export was cut off after " + out.records() + " records ("
                        + describe(failure) + ")" + (output == null ? "" : "; run it again with --resume to continue"));
            } finally {
                out.flush();
            }
            progress.done(out.records());
        }
        return ExitCodes.OK;
    }

    private OutputStream open(boolean append) throws IOException {
        if (output == null) {
            return context.out();
        }
        return append
                ? Files.newOutputStream(output, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(output);
    }

    private void fromStore(ExportFormat chosen, String after, ExportOutput out, ExportProgress progress) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("format", List.of(chosen.parameterValue()));
        if (filter != null) {
            params.put("filter", List.of(filter));
        }
        if (after != null) {
            params.put("after", List.of(after));
        }
        try (Services services = storage.open(context)) {
            ExportRequest request = ExportRequestParser.parse(params, null);
            CdrExport.run(services.reads().readerFor(Caller.operator()), request, () -> out, progress::update);
        } catch (QueryException e) {
            throw CliException.usage(e.field() + ": " + e.getMessage());
        } catch (UnknownCursorException e) {
            throw CliException.usage("cannot resume: the store has no record " + e.cursor().callSid() + " (the last one in " + output + ")");
        }
    }

    private void overHttp(ExportFormat chosen, String after, ExportOutput out, ExportProgress progress)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("?format=").append(chosen.parameterValue());
        if (filter != null) {
            query.append("&filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        }
        if (after != null) {
            query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        URI uri;
        try {
            uri = URI.create(url.replaceAll("/+$", "") + PATH + query);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--url is not a URL: " + url);
        }
        HttpResponse<InputStream> response;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            try {
                response = client.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Encoding", "gzip")
                        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw CliException.usage("cannot reach " + url + ": " + describe(e));
            }
            try (InputStream body = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()
                    ? new GZIPInputStream(response.body()) : response.body()) {
                if (response.statusCode() != 200) {
                    throw CliException.usage("the server refused the export: " + refusal(response.statusCode(), body.readAllBytes()));
                }
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    progress.update(out.records());
                }
            }
        }
    }

    /** {@code 400 Bad request: filter: …} from the error document, or the status alone. */
    private static String refusal(int status, byte[] body) {
        try {
            JsonNode document = JSON.readTree(body);
            StringBuilder text = new StringBuilder().append(status).append(' ').append(document.get("message").stringValue());
            JsonNode error = document.get("errors").get(0);
            if (error != null) {
                text.append(": ");
                if (!error.get("field").isNull()) {
                    text.append(error.get("field").stringValue()).append(": ");
                }
                text.append(error.get("message").stringValue());
            }
            return text.toString();
        } catch (RuntimeException notTheErrorDocument) {
            return "HTTP " + status;
        }
    }

    private static String describe(Exception failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "connection closed" : message;
    }
}
