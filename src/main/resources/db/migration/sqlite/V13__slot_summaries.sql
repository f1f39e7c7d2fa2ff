-- Slot summaries (store.SlotSummary): per partner subtree (by its root, scope_sid) and span of UTC time
-- (one 15-minute slot, or a UTC day of 96; slot in epoch milliseconds), the report's sums plus the two
-- arrays that answer distinct meetings and peak concurrency for any group start, encoded as big-endian
-- 32-bit integers. Rows exist only for spans holding a leg start. Written only by a refresh
-- (report.SummaryRefresh).
CREATE TABLE cdr_summary (
    scope_sid        TEXT    NOT NULL,
    slots            INTEGER NOT NULL,
    slot             INTEGER NOT NULL,
    legs             INTEGER NOT NULL,
    self_legs        INTEGER NOT NULL,
    joined_legs      INTEGER NOT NULL,
    failed_legs      INTEGER NOT NULL,
    duration_micros  INTEGER NOT NULL,
    billable_minutes INTEGER NOT NULL,
    peak             BLOB    NOT NULL,
    meetings         BLOB    NOT NULL,
    PRIMARY KEY (scope_sid, slots, slot)
) WITHOUT ROWID;

-- Slots whose summaries may be stale, by the partner whose records changed (standing for every subtree
-- holding it): written in the transaction of every insert and deletion of records and of every move of a
-- partner, deleted by id by the refresh that recomputed them.
CREATE TABLE cdr_summary_stale (
    id          INTEGER PRIMARY KEY,
    partner_sid TEXT    NOT NULL,
    slot        INTEGER NOT NULL
);
-- By slot first: a refresh takes the marks in slot order, so that one round recomputes each subtree's day
-- once for all the partners marked there.
CREATE INDEX cdr_summary_stale_slot ON cdr_summary_stale (slot, partner_sid);

-- A bound on the longest leg stored (date_stop - date_start, milliseconds): how far back a slot's legs
-- still up may have started. Raised by inserts, never lowered.
CREATE TABLE cdr_summary_bound (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    longest_leg_millis INTEGER NOT NULL
);
INSERT INTO cdr_summary_bound (id, longest_leg_millis)
SELECT 1, coalesce(max(date_stop - date_start), 0) FROM cdr;

-- Records stored before this version: every slot holding a leg start is stale.
INSERT INTO cdr_summary_stale (partner_sid, slot) SELECT DISTINCT partner_sid, date_start FROM cdr_usage;

-- Every write of records looks up the later records of its meetings (whose slots it marks): with
-- date_start in the index, a meeting without later records costs one index probe and no row read. The
-- meeting route's reads by meeting_sid use it as they used the index it replaces.
CREATE INDEX cdr_meeting_sid_date_start ON cdr (meeting_sid, date_start);
DROP INDEX cdr_meeting_sid;
