package io.confcdr.cli;

import io.confcdr.boot.Services;
import io.confcdr.ingest.Ingestor;
import io.confcdr.ingest.IngestReport;
import io.confcdr.ingest.IngestReport.Reason;
import io.confcdr.ingest.IngestReport.Rejection;
import io.confcdr.ingest.MalformedBodyException;
import io.confcdr.ingest.SourceBatch;
import io.confcdr.model.Sids;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Imports NDJSON records through the same ingestor as {@code POST /ingest/v1/conference/calls}, in
 * batches so that files of any size stream through. Exit code 1 when any record was rejected.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import CDRs from an NDJSON file ('-' reads stdin), gzip-compressed or not. Partners must exist already.",
                "Rejected records are listed on stderr before the totals on stdout; exit code 1 when any was rejected."})
final class ImportCommand implements Callable<Integer> {

    private static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final int REJECTIONS_SHOWN = 10;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    StorageOptions storage;

    @Parameters(paramLabel = "FILE|-", description = "NDJSON file, one record a line, or - for stdin.")
    String file;

    @Option(names = "--batch-size", defaultValue = "5000", paramLabel = "N",
            description = "Records per batch; each batch is stored entirely or not at all (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--keep-date-insert",
            description = {"Accept records that carry date_insert, as confcdr's own exports do. The value is dropped",
                    "and this store stamps its own (date_insert is when this store received the record)."})
    boolean exported;

    @Option(names = "--source", paramLabel = "NAME",
            description = {"Number the records as this source's (as the Confcdr-Source header does), so that",
                    "GET /ingest/v1/sources and the end of this import say which numbers are missing."})
    String source;

    @Option(names = "--sequence-start", paramLabel = "N",
            description = {"The sequence number of the first record of the input (default 0); the record on the",
                    "k-th non-blank line has N + k - 1. Needs --source."})
    Long sequenceStart;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || batchSize > Ingestor.DEFAULT_MAX_RECORDS) {
            throw CliException.usage("--batch-size must be from 1 to " + Ingestor.DEFAULT_MAX_RECORDS);
        }
        SourceBatch numbering = numbering();
        quietIngestLog();
        PrintWriter err = spec.commandLine().getErr();
        var progress = new ImportProgress(err, context.terminal(), System::nanoTime);
        var totals = new Totals(err, progress);
        try (InputStream in = InputFiles.open(file, context); Services services = storage.open(context)) {
            Ingestor ingestor = services.ingestor();
            var batches = new NdjsonBatches(in, batchSize, MAX_BATCH_BYTES);
            while (batches.hasNext()) {
                NdjsonBatches.Batch batch = batches.next();
                try {
                    var body = new ByteArrayInputStream(batch.body());
                    totals.add(batch, exported ? ingestor.ingestExportedNdjson(body, numbering) : ingestor.ingestNdjson(body, numbering));
                    numbering = numbering == null ? null : numbering.after(batch.size());
                } catch (RuntimeException e) {
                    progress.clear();
                    // Earlier batches are committed; re-running the import is safe (they become duplicates).
                    err.println("confcdr: stopped before line " + batch.lineNumbers()[0] + " after " + totals.summary());
                    if (e instanceof MalformedBodyException malformed) {
                        throw CliException.usage("cannot read " + (file.equals("-") ? "stdin" : file)
                                + ": not UTF-8 NDJSON (" + malformed.getMessage() + ")");
                    }
                    throw e;
                }
                progress.update(totals.records());
            }
            if (source != null) {
                progress.clear();
                err.println(ImportedSource.describe(services.sources(), source));
            }
        }
        progress.clear();
        totals.reportHidden();
        err.println("confcdr import: " + progress.finished(totals.records()));
        err.flush();
        spec.commandLine().getOut().println(totals.summary());
        return totals.rejected == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    /** The numbering of the first batch, or null without --source. */
    private SourceBatch numbering() {
        if (source == null) {
            if (sequenceStart != null) {
                throw CliException.usage("--sequence-start needs --source");
            }
            return null;
        }
        String problem = Sids.problem(source);
        if (problem != null) {
            throw CliException.usage("--source: the name " + problem);
        }
        long start = sequenceStart == null ? 0 : sequenceStart;
        if (start < 0 || start > SourceBatch.MAX_SEQUENCE) {
            throw CliException.usage("--sequence-start: must be from 0 to " + SourceBatch.MAX_SEQUENCE);
        }
        return new SourceBatch(source, start);
    }

    /**
     * The ingestor logs each batch at INFO (useful in a server's log); here the progress line and the totals say
     * it, and 100 log lines for 500 000 records would bury them.
     */
    private static void quietIngestLog() {
        if (org.slf4j.LoggerFactory.getLogger(Ingestor.class) instanceof ch.qos.logback.classic.Logger logger
                && logger.getLevel() == null) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** Sums batch reports; shows the first rejections by their line in the input. */
    private static final class Totals {
        private final PrintWriter err;
        private final ImportProgress progress;
        private long accepted;
        private long duplicates;
        private long rejected;

        Totals(PrintWriter err, ImportProgress progress) {
            this.err = err;
            this.progress = progress;
        }

        long records() {
            return accepted + duplicates + rejected;
        }

        void add(NdjsonBatches.Batch batch, IngestReport report) {
            accepted += report.accepted();
            duplicates += report.duplicates();
            for (Rejection rejection : report.rejected()) {
                if (rejected++ < REJECTIONS_SHOWN) {
                    progress.clear();
                    err.println(describe(batch, rejection));
                }
            }
            err.flush();
        }

        String summary() {
            return "accepted " + accepted + ", duplicates " + duplicates + ", rejected " + rejected;
        }

        void reportHidden() {
            if (rejected > REJECTIONS_SHOWN) {
                err.println("… and " + (rejected - REJECTIONS_SHOWN) + " more rejected");
                err.flush();
            }
        }

        private static String describe(NdjsonBatches.Batch batch, Rejection rejection) {
            String where = rejection.index() >= 0 && rejection.index() < batch.size()
                    ? "line " + batch.lineNumbers()[rejection.index()]
                    : "record " + rejection.index();
            String sid = rejection.callSid() == null ? "" : " call_sid " + rejection.callSid();
            String reasons = rejection.errors().stream()
                    .map(Totals::reason)
                    .collect(Collectors.joining("; "));
            return "rejected " + where + sid + ": " + reasons;
        }

        private static String reason(Reason reason) {
            return reason.field() == null ? reason.message() : reason.field() + ": " + reason.message();
        }
    }
}
