-- confcdr schema, PostgreSQL dialect. Dates are timestamptz (millisecond values), durations bigint
-- microseconds, text COLLATE "C" (byte order of UTF-8 = Unicode code point order, like SQLite BINARY).
-- Ordered indexes are declared NULLS FIRST so that "ORDER BY x ASC NULLS FIRST, seq" (and its exact
-- reverse) is an index scan.

CREATE TABLE partner (
    sid          text COLLATE "C" PRIMARY KEY,
    name         text,
    parent_sid   text COLLATE "C" REFERENCES partner (sid),
    status       text,
    date_created timestamptz
);
CREATE INDEX partner_parent_sid ON partner (parent_sid);

CREATE TABLE api_token (
    id             text COLLATE "C" PRIMARY KEY,
    partner_sid    text COLLATE "C" NOT NULL,
    name           text,
    scopes         text NOT NULL,
    secret_hash    bytea NOT NULL UNIQUE,
    date_created   timestamptz,
    date_expires   timestamptz,
    date_revoked   timestamptz,
    date_last_used timestamptz
);
CREATE INDEX api_token_partner_sid ON api_token (partner_sid);

CREATE TABLE cdr (
    seq                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address_dst           text COLLATE "C",
    address_src           text COLLATE "C",
    audio_key             text COLLATE "C",
    bridge                text COLLATE "C",
    call_sid              text COLLATE "C" NOT NULL,
    custom_call_type      text COLLATE "C",
    custom_name           text COLLATE "C",
    date_disconnected     timestamptz,
    date_insert           timestamptz NOT NULL,
    date_join             timestamptz,
    date_start            timestamptz NOT NULL,
    date_stop             timestamptz NOT NULL,
    direction             text COLLATE "C",
    disconnect_cause      integer,
    disconnect_originator text COLLATE "C",
    disconnect_reason     text COLLATE "C",
    duration              bigint,
    duration_meeting      bigint,
    endpoint_sid          text COLLATE "C",
    meeting_room_sid      text COLLATE "C",
    meeting_sid           text COLLATE "C",
    node                  text COLLATE "C",
    number_dst            text COLLATE "C",
    number_src            text COLLATE "C",
    partner_sid           text COLLATE "C" NOT NULL,
    role                  text COLLATE "C",
    user_agent            text COLLATE "C",
    CONSTRAINT cdr_call_sid UNIQUE (call_sid)
);
CREATE INDEX cdr_partner_date_stop ON cdr (partner_sid, date_stop NULLS FIRST, seq);
CREATE INDEX cdr_partner_seq ON cdr (partner_sid, seq);
CREATE INDEX cdr_meeting_sid ON cdr (meeting_sid);
CREATE INDEX cdr_number_src ON cdr (number_src);
CREATE INDEX cdr_number_dst ON cdr (number_dst);
CREATE INDEX cdr_date_start ON cdr (date_start NULLS FIRST);
