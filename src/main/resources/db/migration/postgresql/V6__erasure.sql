-- Erasures of a number (privacy requests): who asked (token and partner; null for the operator), when, the
-- SHA-256 of the number (never the number), the mode and how many records it changed.
CREATE TABLE erasure (
    sid           text COLLATE "C" PRIMARY KEY,
    date_created  timestamptz NOT NULL,
    mode          text NOT NULL,
    number_sha256 text NOT NULL,
    records       bigint NOT NULL,
    partner_sid   text COLLATE "C",
    token_id      text COLLATE "C"
);
CREATE INDEX erasure_partner_sid ON erasure (partner_sid);

-- call_sids of erased records: a later ingest of one is refused as a conflict, so an erased number cannot
-- come back through a bridge that re-sends its records.
CREATE TABLE erased_call (
    call_sid    text COLLATE "C" PRIMARY KEY,
    erasure_sid text COLLATE "C" NOT NULL
);
