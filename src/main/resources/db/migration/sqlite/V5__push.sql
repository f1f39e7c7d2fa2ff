-- Push subscriptions (issue 11). position is the seq of the last acknowledged record: a cursor over cdr,
-- not a queue. pending_* is the one delivery in flight; lease_* says which process delivers it.
-- Dates are epoch milliseconds in both dialects: push state is never filtered by date in SQL.
CREATE TABLE push_subscription (
    sid                   TEXT PRIMARY KEY NOT NULL,
    ord                   INTEGER NOT NULL,
    partner_sid           TEXT NOT NULL,
    descendants           INTEGER NOT NULL,
    url                   TEXT NOT NULL,
    filter                TEXT,
    include_fields        TEXT,
    exclude_fields        TEXT,
    max_batch             INTEGER NOT NULL,
    status                TEXT NOT NULL,
    secret                TEXT NOT NULL,
    previous_secret       TEXT,
    previous_secret_until INTEGER,
    date_created          INTEGER NOT NULL,
    position              INTEGER NOT NULL,
    pending_sid           TEXT,
    pending_last_seq      INTEGER,
    pending_attempts      INTEGER,
    pending_first_attempt INTEGER,
    pending_next_attempt  INTEGER,
    lease_owner           TEXT,
    lease_until           INTEGER
);

CREATE TABLE push_delivery (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_sid TEXT NOT NULL,
    delivery_sid     TEXT NOT NULL,
    attempt          INTEGER NOT NULL,
    date             INTEGER NOT NULL,
    status_code      INTEGER,
    error            TEXT,
    latency_ms       INTEGER NOT NULL,
    count            INTEGER NOT NULL,
    first_call_sid   TEXT,
    last_call_sid    TEXT,
    acknowledged     INTEGER NOT NULL
);
CREATE INDEX push_delivery_subscription ON push_delivery (subscription_sid, id);
