-- Usage aggregates: the additive report measures per partner, 15-minute UTC slot of date_start (the slot's
-- first instant) and the dimensions kept (direction, role, disconnect_cause, custom_call_type). Rows are
-- deltas, appended in the transaction that inserts or deletes records (negative on deletion): a cell is
-- the sum of its rows, so ingest never updates a hot row. 15 minutes because every offset and offset
-- change of today's zones (+05:30, +05:45, Lord Howe's 30-minute DST) falls on a quarter hour, so any
-- zone's hour, day and month is a whole number of slots.
CREATE TABLE cdr_usage (
    partner_sid      text COLLATE "C" NOT NULL,
    date_start       timestamptz NOT NULL,
    direction        text COLLATE "C",
    role             text COLLATE "C",
    disconnect_cause integer,
    custom_call_type text COLLATE "C",
    legs             bigint NOT NULL,
    joined_legs      bigint NOT NULL,
    failed_legs      bigint NOT NULL,
    duration_micros  bigint NOT NULL,
    billable_minutes bigint NOT NULL
);
CREATE INDEX cdr_usage_partner_date_start ON cdr_usage (partner_sid, date_start);

INSERT INTO cdr_usage (partner_sid, date_start, direction, role, disconnect_cause, custom_call_type,
                       legs, joined_legs, failed_legs, duration_micros, billable_minutes)
SELECT partner_sid,
       date_bin('15 minutes', date_start, timestamptz '1970-01-01 00:00:00+00') AS slot,
       direction, role, disconnect_cause, custom_call_type,
       count(*),
       count(date_join),
       count(*) FILTER (WHERE disconnect_cause IS NOT NULL AND disconnect_cause <> 16),
       coalesce(sum(duration), 0),
       coalesce(sum((duration + 59999999) / 60000000), 0)
FROM cdr
GROUP BY partner_sid, slot, direction, role, disconnect_cause, custom_call_type;
