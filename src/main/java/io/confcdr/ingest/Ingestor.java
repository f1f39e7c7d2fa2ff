package io.confcdr.ingest;

import io.confcdr.model.Cdr;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Storage;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates, normalises and stores batches of CDRs. Shared by {@code POST /ingest/v1/conference/calls}
 * and {@code confcdr import}, so both accept and reject exactly the same records.
 *
 * <p>A batch is read record by record, every record is validated on its own (a bad record never
 * spoils its neighbours), and the valid ones are handed to {@link io.confcdr.store.CdrStore#insert} in
 * one call, which is one transaction: the accepted records of a report are exactly those committed.
 */
public final class Ingestor {

    /** Records per batch; beyond it the batch is refused as too large. */
    public static final int DEFAULT_MAX_RECORDS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final Storage storage;
    private final Clock clock;
    private final int maxRecords;
    private final RecordValidator validator = new RecordValidator();

    public Ingestor(Storage storage, Clock clock) {
        this(storage, clock, DEFAULT_MAX_RECORDS);
    }

    /** @param clock times batches for the log */
    public Ingestor(Storage storage, Clock clock, int maxRecords) {
        this.storage = storage;
        this.clock = clock;
        this.maxRecords = maxRecords;
    }

    /**
     * One record per line (blank lines ignored), for any existing partner: the operator's import.
     *
     * @throws MalformedBodyException when the body is not UTF-8
     * @throws BatchTooLargeException when the batch holds more than the record limit
     * @throws io.confcdr.store.StoreUnavailableException when the store cannot commit; nothing is stored
     */
    public IngestReport ingestNdjson(InputStream body) {
        return ingestNdjson(body, PartnerScope.anyKnown(storage.partners()));
    }

    /** One record per line, each for a partner in {@code scope}; see {@link #ingestNdjson(InputStream)}. */
    public IngestReport ingestNdjson(InputStream body, PartnerScope scope) {
        return ingest(new NdjsonReader(body), scope);
    }

    /**
     * One JSON array of records, each for a partner in {@code scope}.
     *
     * @throws MalformedBodyException when the body is not a well-formed JSON array; nothing is stored
     */
    public IngestReport ingestJsonArray(InputStream body, PartnerScope scope) {
        return ingest(new JsonArrayReader(body), scope);
    }

    private IngestReport ingest(RecordReader reader, PartnerScope scope) {
        long started = clock.millis();
        var batch = new Batch(scope);
        for (RawRecord raw = reader.next(); raw != null; raw = reader.next()) {
            if (raw.index() >= maxRecords) {
                throw new BatchTooLargeException("a batch may hold at most " + maxRecords + " records");
            }
            batch.add(raw);
        }
        IngestReport report = batch.store();
        LOG.info("ingest batch: {} accepted, {} duplicates, {} rejected in {} ms",
                report.accepted(), report.duplicates(), report.rejected().size(), clock.millis() - started);
        return report;
    }

    /** The records of one batch on their way to the store, and what became of each. */
    private final class Batch {

        private final PartnerScope scope;
        private final List<IngestReport.Rejection> rejected = new ArrayList<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private final Map<String, Candidate> bySid = new HashMap<>();
        private int duplicates;

        Batch(PartnerScope scope) {
            this.scope = scope;
        }

        void add(RawRecord raw) {
            switch (raw) {
                case RawRecord.Malformed bad -> reject(bad.index(), null, null, bad.message());
                case RawRecord.Parsed parsed -> {
                    switch (validator.validate(parsed.json())) {
                        case RecordValidator.Result.Invalid invalid ->
                                rejected.add(new IngestReport.Rejection(parsed.index(), invalid.callSid(), invalid.errors()));
                        case RecordValidator.Result.Valid valid -> admit(parsed.index(), valid.cdr());
                    }
                }
            }
        }

        private void admit(int index, Cdr cdr) {
            if (!scope.mayWrite(cdr.partnerSid())) {
                // One message whether the partner is missing or out of reach, so a token learns nothing
                // about partners it may not write for.
                reject(index, cdr.callSid(), "partner_sid", "unknown partner");
                return;
            }
            Candidate earlier = bySid.get(cdr.callSid());
            if (earlier == null) {
                var candidate = new Candidate(index, cdr);
                bySid.put(cdr.callSid(), candidate);
                candidates.add(candidate);
            } else if (earlier.cdr().equals(cdr)) {
                duplicates++;
            } else {
                reject(index, cdr.callSid(), "call_sid",
                        "conflicts with record " + earlier.index() + " of this batch, which has different content");
            }
        }

        IngestReport store() {
            int accepted = 0;
            if (!candidates.isEmpty()) {
                List<InsertResult> results = storage.cdrs().insert(candidates.stream().map(Candidate::cdr).toList());
                for (int i = 0; i < results.size(); i++) {
                    Candidate candidate = candidates.get(i);
                    switch (results.get(i)) {
                        case InsertResult.Stored stored -> accepted++;
                        case InsertResult.Duplicate duplicate -> duplicates++;
                        case InsertResult.Conflict conflict -> reject(candidate.index(), candidate.cdr().callSid(),
                                "call_sid", "conflicts with a stored record of different content");
                    }
                }
            }
            rejected.sort(Comparator.comparingInt(IngestReport.Rejection::index));
            return new IngestReport(accepted, duplicates, rejected);
        }

        private void reject(int index, String callSid, String field, String message) {
            rejected.add(new IngestReport.Rejection(index, callSid, List.of(new IngestReport.Reason(field, message))));
        }
    }

    private record Candidate(int index, Cdr cdr) {
    }
}
