-- Sids of deleted partners: a batch validated before a partner was deleted must not store records for it
-- afterwards. Creating a partner of the same sid again removes its row.
CREATE TABLE partner_tombstone (
    sid          TEXT PRIMARY KEY NOT NULL,
    date_deleted INTEGER NOT NULL
);
