-- Ingest sources (Confcdr-Source): when each last sent a batch, and the sequence numbers it has sent as
-- disjoint ranges that never touch, merged in the transaction that stores the batch's records. A source is
-- owned by the partner of the token that sent it ('' for the operator's CLI import).
CREATE TABLE ingest_source (
    owner          text COLLATE "C" NOT NULL,
    name           text COLLATE "C" NOT NULL,
    date_last_seen timestamptz NOT NULL,
    PRIMARY KEY (owner, name)
);

CREATE TABLE ingest_source_range (
    owner     text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    first_seq bigint NOT NULL,
    last_seq  bigint NOT NULL,
    PRIMARY KEY (owner, name, first_seq)
);
