package io.confcdr.store;

import io.confcdr.model.Cdr;
import io.confcdr.model.EncodedCdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where CDRs are kept. Implementations: in-memory reference, SQLite, PostgreSQL; one contract suite. */
public interface CdrStore {

    /**
     * Commits the batch in one transaction and returns one result per record, in order. Records are
     * valid and have distinct {@link RecordKey}s (call_sid within partner: the same call_sid under another
     * partner is another record, never a duplicate or a conflict); their date_insert is ignored and set at commit. Either every
     * {@link InsertResult.Stored} record is durably committed when this returns, or it throws and none is.
     * Safe when concurrent batches carry the same call_sid: exactly one stores it. A record whose partner was
     * deleted (before or while the batch was validated) is answered {@link InsertResult.PartnerMissing} and not
     * stored: deleting a partner and inserting its records are serialised, so none is ever orphaned.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    List<InsertResult> insert(List<Cdr> records);

    /**
     * The record with this call_sid, if one is visible (the first stored, when the call_sid names records of
     * several visible partners); otherwise empty (never a hint).
     */
    Optional<Cdr> find(String callSid, Visibility visibility);

    /**
     * One page of the visible records matching the query.
     *
     * @throws UnknownCursorException when the cursor names a record that does not exist or is not visible
     */
    Page list(CdrQuery query, Visibility visibility);

    /**
     * Hands every visible record matching the scan to {@code sink}, in order, as it is read: the store holds
     * no more than a fetch's worth at a time, so any number of records passes through a flat heap. A
     * failure of the database or of {@code sink} ends the scan with that exception.
     *
     * @throws UnknownCursorException before any record, when the cursor names a record that does not exist
     *         or is not visible
     */
    void scan(CdrScan scan, Visibility visibility, Consumer<Cdr> sink);

    /**
     * {@link #scan} with each record as the database sent it ({@link EncodedCdr}): what an export writes
     * without building a {@code Cdr} per record. By default each scanned record, encoded.
     */
    default void scanEncoded(CdrScan scan, Visibility visibility, Consumer<EncodedCdr> sink) {
        scan(scan, visibility, cdr -> sink.accept(EncodedCdr.of(cdr)));
    }

    /**
     * The call_sid of the visible record inserted last, or empty when none is visible: where a reader that
     * wants only what comes next (a live stream starting "now") puts its {@code after} cursor.
     */
    Optional<String> lastInserted(Visibility visibility);
}
