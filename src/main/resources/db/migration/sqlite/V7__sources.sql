-- Ingest sources (Confcdr-Source): when each last sent a batch, and the sequence numbers it has sent as
-- disjoint ranges that never touch, merged in the transaction that stores the batch's records. A source is
-- owned by the partner of the token that sent it ('' for the operator's CLI import).
CREATE TABLE ingest_source (
    owner          TEXT NOT NULL,
    name           TEXT NOT NULL,
    date_last_seen INTEGER NOT NULL,
    PRIMARY KEY (owner, name)
);

CREATE TABLE ingest_source_range (
    owner     TEXT NOT NULL,
    name      TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    PRIMARY KEY (owner, name, first_seq)
);
