-- confcdr schema, SQLite dialect. Dates are INTEGER epoch milliseconds, durations INTEGER microseconds,
-- text uses the BINARY collation (byte order of UTF-8 = Unicode code point order).

CREATE TABLE partner (
    sid          TEXT PRIMARY KEY NOT NULL,
    name         TEXT,
    parent_sid   TEXT REFERENCES partner (sid),
    status       TEXT,
    date_created INTEGER
);
CREATE INDEX partner_parent_sid ON partner (parent_sid);

CREATE TABLE api_token (
    id             TEXT PRIMARY KEY NOT NULL,
    partner_sid    TEXT NOT NULL,
    name           TEXT,
    scopes         TEXT NOT NULL,
    secret_hash    BLOB NOT NULL UNIQUE,
    date_created   INTEGER,
    date_expires   INTEGER,
    date_revoked   INTEGER,
    date_last_used INTEGER
);
CREATE INDEX api_token_partner_sid ON api_token (partner_sid);

-- seq: the insertion sequence (rowid alias). AUTOINCREMENT so a value is never reused.
CREATE TABLE cdr (
    seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
    address_dst           TEXT,
    address_src           TEXT,
    audio_key             TEXT,
    bridge                TEXT,
    call_sid              TEXT    NOT NULL,
    custom_call_type      TEXT,
    custom_name           TEXT,
    date_disconnected     INTEGER,
    date_insert           INTEGER NOT NULL,
    date_join             INTEGER,
    date_start            INTEGER NOT NULL,
    date_stop             INTEGER NOT NULL,
    direction             TEXT,
    disconnect_cause      INTEGER,
    disconnect_originator TEXT,
    disconnect_reason     TEXT,
    duration              INTEGER,
    duration_meeting      INTEGER,
    endpoint_sid          TEXT,
    meeting_room_sid      TEXT,
    meeting_sid           TEXT,
    node                  TEXT,
    number_dst            TEXT,
    number_src            TEXT,
    partner_sid           TEXT    NOT NULL,
    role                  TEXT,
    user_agent            TEXT
);
CREATE UNIQUE INDEX cdr_call_sid ON cdr (call_sid);
CREATE INDEX cdr_partner_date_stop ON cdr (partner_sid, date_stop, seq);
CREATE INDEX cdr_partner_seq ON cdr (partner_sid, seq);
CREATE INDEX cdr_meeting_sid ON cdr (meeting_sid);
CREATE INDEX cdr_number_src ON cdr (number_src);
CREATE INDEX cdr_number_dst ON cdr (number_dst);
CREATE INDEX cdr_date_start ON cdr (date_start);
