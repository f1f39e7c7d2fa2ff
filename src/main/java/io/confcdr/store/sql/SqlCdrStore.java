package io.confcdr.store.sql;

import io.confcdr.model.Cdr;
import io.confcdr.model.EncodedCdr;
import io.confcdr.query.CdrQuery;
import io.confcdr.query.CdrScan;
import io.confcdr.query.Visibility;
import io.confcdr.store.CdrStore;
import io.confcdr.store.InsertResult;
import io.confcdr.store.Page;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** CDRs in SQLite or PostgreSQL, through one jOOQ translation of the query semantics. */
public final class SqlCdrStore implements CdrStore {

    private final SqlDatabase db;
    private final CdrTable cdr;
    private final CdrQueryTranslator translator;
    private final CdrBatchInsert inserter;
    private final CdrPageReader pages;
    private final CdrBySid bySid;
    private final CdrScanReader scans;
    private final UsageAggregates aggregates;
    private final SummaryMarks summaryMarks;

    public SqlCdrStore(SqlDatabase db, Clock clock) {
        this.db = db;
        this.cdr = new CdrTable(db.dialect());
        this.translator = new CdrQueryTranslator(cdr, db.dialect());
        CdrRows rows = new CdrRows(cdr, db.dialect());
        this.aggregates = new UsageAggregates(cdr, db.dialect());
        this.summaryMarks = new SummaryMarks(cdr, db.dialect());
        this.inserter = new CdrBatchInsert(db, cdr, rows, aggregates, summaryMarks, clock);
        this.pages = new CdrPageReader(cdr, translator, rows);
        this.bySid = new CdrBySid(db, cdr, rows);
        this.scans = new CdrScanReader(db, cdr, translator, rows, pages);
    }

    @Override
    public List<InsertResult> insert(List<Cdr> records) {
        return inserter.insert(records);
    }

    /** For stores that write more in the transaction of a batch ({@link SqlSourceStore}). */
    CdrBatchInsert inserter() {
        return inserter;
    }

    @Override
    public Optional<Cdr> find(String callSid, Visibility visibility) {
        return bySid.find(callSid, visibility);
    }

    @Override
    public Page list(CdrQuery query, Visibility visibility) {
        return db.read(dsl -> pages.read(dsl, query, visibility));
    }

    @Override
    public void scan(CdrScan scan, Visibility visibility, Consumer<Cdr> sink) {
        scans.scan(scan, visibility, encoded -> sink.accept(encoded.toCdr()));
    }

    @Override
    public void scanEncoded(CdrScan scan, Visibility visibility, Consumer<EncodedCdr> sink) {
        scans.scan(scan, visibility, sink);
    }

    @Override
    public Optional<String> lastInserted(Visibility visibility) {
        // Once per live-stream connection; with one partner the (partner_sid, seq) index answers it at once.
        return db.read(dsl -> dsl.select(cdr.callSid())
                .from(cdr.table())
                .where(translator.visibility(visibility))
                .orderBy(cdr.seq().desc())
                .limit(1)
                .fetchOptional(cdr.callSid()));
    }

    UsageAggregates aggregates() {
        return aggregates;
    }

    /** Where every deletion of records goes, so that the aggregates and summaries follow. */
    CdrDeletion deletion() {
        return new CdrDeletion(cdr, aggregates, summaryMarks);
    }

    CdrTable table() {
        return cdr;
    }

    CdrQueryTranslator translator() {
        return translator;
    }

    CdrPageReader pages() {
        return pages;
    }
}
