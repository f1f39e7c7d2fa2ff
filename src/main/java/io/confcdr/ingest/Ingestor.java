package io.confcdr.ingest;

import io.confcdr.auth.Caller;
import io.confcdr.auth.Scopes;
import io.confcdr.model.Cdr;
import io.confcdr.model.CdrField;
import io.confcdr.model.SequenceRange;
import io.confcdr.store.InsertResult;
import io.confcdr.store.RecordKey;
import io.confcdr.store.SourceStore;
import io.confcdr.store.Storage;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates, normalises and stores batches of CDRs. Shared by {@code POST /ingest/v1/conference/calls}
 * and {@code confcdr import}, so both accept and reject exactly the same records.
 *
 * <p>A batch is read record by record, every record is validated on its own (a bad record never
 * spoils its neighbours), and the valid ones are handed to {@link io.confcdr.store.CdrStore#insert} in
 * one call, which is one transaction: the accepted records of a report are exactly those committed.
 *
 * <p>A record is named by its call_sid <em>within its partner</em> ({@link RecordKey}): duplicate and
 * conflict are decided against the records of the same partner only, so the answer to a token never
 * depends on what partners outside its subtree hold, and no token can take a call_sid from another tenant.
 */
public final class Ingestor {

    /** Records per batch; beyond it the batch is refused as too large. */
    public static final int DEFAULT_MAX_RECORDS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
    private static final String UNKNOWN_PARTNER = "unknown partner";

    private final Storage storage;
    private final Clock clock;
    private final int maxRecords;
    private final RecordValidator validator = new RecordValidator();
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SourceListener> sourceListeners = new CopyOnWriteArrayList<>();

    public Ingestor(Storage storage, Clock clock) {
        this(storage, clock, DEFAULT_MAX_RECORDS);
    }

    /** @param clock times batches for the log */
    public Ingestor(Storage storage, Clock clock, int maxRecords) {
        this.storage = storage;
        this.clock = clock;
        this.maxRecords = maxRecords;
    }

    /** {@code listener} hears of every batch committed from now on. */
    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    /** {@code listener} hears of every batch with a source committed from now on. */
    public void addSourceListener(SourceListener listener) {
        sourceListeners.add(listener);
    }

    /** @throws io.confcdr.auth.ForbiddenException unless {@code caller} holds {@code cdr.ingest} */
    public void requireMayIngest(Caller caller) {
        caller.requireAnyScope(Scopes.CDR_INGEST);
    }

    /**
     * A batch sent by {@code caller}, who needs {@code cdr.ingest}. A token writes records for its own partner
     * and the partner's descendants; the operator for any partner that exists. A record for any other partner,
     * existing or not, is rejected with the same reason, so a token learns nothing of partners outside its
     * subtree.
     *
     * @throws MalformedBodyException when the body as a whole cannot be read; nothing is stored
     * @throws BatchTooLargeException when the batch holds more than the record limit; nothing is stored
     * @throws io.confcdr.store.StoreUnavailableException when the store cannot commit; nothing is stored
     */
    public IngestReport ingest(Caller caller, BodyFormat format, InputStream body) {
        return ingest(caller, format, body, null);
    }

    /**
     * As {@link #ingest(Caller, BodyFormat, InputStream)}, and when {@code source} is not null records, in the
     * batch's transaction, that the caller's source sent the batch's numbers: every record read counts,
     * whether accepted, duplicate or rejected (the report answers for it; it is not missing). A batch refused
     * whole (malformed, too large, the store unavailable) records nothing.
     *
     * @throws io.confcdr.query.QueryException when the batch's numbers would pass 2^53; nothing is stored
     */
    public IngestReport ingest(Caller caller, BodyFormat format, InputStream body, SourceBatch source) {
        requireMayIngest(caller);
        SourceStore.Source from = source == null ? null : new SourceStore.Source(SourceSequences.ownerOf(caller), source.source());
        PartnerScope scope = switch (caller) {
            case Caller.Bearer bearer -> PartnerScope.subtreeOf(storage.partners(), bearer.partnerSid());
            case Caller.Operator operator -> PartnerScope.anyKnown(storage.partners());
        };
        return switch (format) {
            case NDJSON -> ingest(new NdjsonReader(body), scope, false, from, source);
            case JSON_ARRAY -> ingest(new JsonArrayReader(body), scope, false, from, source);
        };
    }

    /**
     * One record per line (blank lines ignored), for any existing partner: the operator's import.
     *
     * @throws MalformedBodyException when the body is not UTF-8
     * @throws BatchTooLargeException when the batch holds more than the record limit
     * @throws io.confcdr.store.StoreUnavailableException when the store cannot commit; nothing is stored
     */
    public IngestReport ingestNdjson(InputStream body) {
        return ingest(Caller.operator(), BodyFormat.NDJSON, body);
    }

    /** As {@link #ingestNdjson(InputStream)}, numbered as the operator's {@code source} when not null. */
    public IngestReport ingestNdjson(InputStream body, SourceBatch source) {
        return ingest(Caller.operator(), BodyFormat.NDJSON, body, source);
    }

    /**
     * As {@link #ingestNdjson(InputStream)}, for records exported from a confcdr store: their
     * {@code date_insert} (when that store received them) is dropped before validation and this store stamps
     * its own, as for any record it receives, so insertion order and {@code date_insert} stay this store's.
     * Everything else is validated as always.
     */
    public IngestReport ingestExportedNdjson(InputStream body) {
        return ingestExportedNdjson(body, null);
    }

    /** As {@link #ingestExportedNdjson(InputStream)}, numbered as the operator's {@code source} when not null. */
    public IngestReport ingestExportedNdjson(InputStream body, SourceBatch source) {
        PartnerScope scope = PartnerScope.anyKnown(storage.partners());
        SourceStore.Source from = source == null ? null : new SourceStore.Source(SourceStore.OPERATOR, source.source());
        return ingest(new NdjsonReader(body), scope, true, from, source);
    }

    private IngestReport ingest(RecordReader reader, PartnerScope scope, boolean dropDateInsert,
                                SourceStore.Source from, SourceBatch source) {
        long started = clock.millis();
        var batch = new Batch(scope, dropDateInsert);
        int records = 0;
        for (RawRecord raw = reader.next(); raw != null; raw = reader.next()) {
            if (raw.index() >= maxRecords) {
                throw new BatchTooLargeException("a batch may hold at most " + maxRecords + " records");
            }
            batch.add(raw);
            records = raw.index() + 1;
        }
        if (source != null && records > 0) {
            batch.receivedAs(from, source.numbersOf(records));
        }
        IngestReport report = batch.store();
        for (IngestListener listener : listeners) {
            listener.committed(report, batch.stored);
        }
        if (batch.gaps >= 0) {
            for (SourceListener listener : sourceListeners) {
                listener.received(from, batch.gaps);
            }
        }
        LOG.info("ingest batch: {} accepted, {} duplicates, {} rejected in {} ms",
                report.accepted(), report.duplicates(), report.rejected().size(), clock.millis() - started);
        return report;
    }

    /** The records of one batch on their way to the store, and what became of each. */
    private final class Batch {

        private final PartnerScope scope;
        private final boolean dropDateInsert;
        private final List<IngestReport.Rejection> rejected = new ArrayList<>();
        private final List<Candidate> candidates = new ArrayList<>();
        private final Map<RecordKey, Candidate> byKey = new HashMap<>();
        private final List<Cdr> stored = new ArrayList<>();
        private int duplicates;
        private SourceStore.Source source;
        private SequenceRange numbers;
        /** The source's gaps after the commit; -1 for a batch without a source. */
        private int gaps = -1;

        Batch(PartnerScope scope, boolean dropDateInsert) {
            this.scope = scope;
            this.dropDateInsert = dropDateInsert;
        }

        /** The batch carries these numbers of {@code from}: they are recorded with its records. */
        void receivedAs(SourceStore.Source from, SequenceRange range) {
            this.source = from;
            this.numbers = range;
        }

        void add(RawRecord raw) {
            switch (raw) {
                case RawRecord.Malformed bad -> reject(bad.index(), null, null, bad.message());
                case RawRecord.Parsed parsed -> {
                    if (dropDateInsert && parsed.json() instanceof ObjectNode object) {
                        object.remove(CdrField.DATE_INSERT.wireName());
                    }
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
                reject(index, cdr.callSid(), "partner_sid", UNKNOWN_PARTNER);
                return;
            }
            Candidate earlier = byKey.get(RecordKey.of(cdr));
            if (earlier == null) {
                var candidate = new Candidate(index, cdr);
                byKey.put(RecordKey.of(cdr), candidate);
                candidates.add(candidate);
            } else if (earlier.cdr().sameContent(cdr)) {
                duplicates++;
            } else {
                reject(index, cdr.callSid(), "call_sid",
                        "conflicts with record " + earlier.index() + " of this batch, which has different content");
            }
        }

        IngestReport store() {
            int accepted = 0;
            if (!candidates.isEmpty() || source != null) {
                List<InsertResult> results = insert(candidates.stream().map(Candidate::cdr).toList());
                for (int i = 0; i < results.size(); i++) {
                    Candidate candidate = candidates.get(i);
                    switch (results.get(i)) {
                        case InsertResult.Stored newlyStored -> {
                            accepted++;
                            stored.add(newlyStored.stored());
                        }
                        case InsertResult.Duplicate duplicate -> duplicates++;
                        case InsertResult.Conflict conflict -> reject(candidate.index(), candidate.cdr().callSid(),
                                "call_sid", "conflicts with a stored record of different content");
                        case InsertResult.PartnerMissing missing -> reject(candidate.index(), candidate.cdr().callSid(),
                                "partner_sid", UNKNOWN_PARTNER);
                    }
                }
            }
            rejected.sort(Comparator.comparingInt(IngestReport.Rejection::index));
            return new IngestReport(accepted, duplicates, rejected);
        }

        private List<InsertResult> insert(List<Cdr> records) {
            if (source == null) {
                return storage.cdrs().insert(records);
            }
            SourceStore.Receipt receipt = storage.sources().insertReceived(source, numbers, records);
            gaps = receipt.gaps();
            return receipt.results();
        }

        private void reject(int index, String callSid, String field, String message) {
            rejected.add(new IngestReport.Rejection(index, callSid, List.of(new IngestReport.Reason(field, message))));
        }
    }

    private record Candidate(int index, Cdr cdr) {
    }
}
