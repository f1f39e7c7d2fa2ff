-- Erasures of a number (privacy requests): who asked (token and partner; null for the operator), when, the
-- SHA-256 of the number (never the number), the mode and how many records it changed.
CREATE TABLE erasure (
    sid           TEXT PRIMARY KEY NOT NULL,
    date_created  INTEGER NOT NULL,
    mode          TEXT NOT NULL,
    number_sha256 TEXT NOT NULL,
    records       INTEGER NOT NULL,
    partner_sid   TEXT,
    token_id      TEXT
);
CREATE INDEX erasure_partner_sid ON erasure (partner_sid);

-- call_sids of erased records: a later ingest of one is refused as a conflict, so an erased number cannot
-- come back through a bridge that re-sends its records.
CREATE TABLE erased_call (
    call_sid    TEXT PRIMARY KEY NOT NULL,
    erasure_sid TEXT NOT NULL
);
