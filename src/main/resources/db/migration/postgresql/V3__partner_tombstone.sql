-- Sids of deleted partners: a batch validated before a partner was deleted must not store records for it
-- afterwards. Creating a partner of the same sid again removes its row.
CREATE TABLE partner_tombstone (
    sid          text COLLATE "C" PRIMARY KEY,
    date_deleted timestamptz NOT NULL
);
