-- Usage aggregates: the additive report measures per partner, 15-minute UTC slot of date_start (the slot's
-- first instant, epoch milliseconds) and the dimensions kept (direction, role, disconnect_cause,
-- custom_call_type). Rows are deltas, appended in the transaction that inserts or deletes records (negative
-- on deletion): a cell is the sum of its rows, so ingest never updates a hot row. 15 minutes because every
-- offset and offset change of today's zones falls on a quarter hour.
CREATE TABLE cdr_usage (
    partner_sid      TEXT    NOT NULL,
    date_start       INTEGER NOT NULL,
    direction        TEXT,
    role             TEXT,
    disconnect_cause INTEGER,
    custom_call_type TEXT,
    legs             INTEGER NOT NULL,
    joined_legs      INTEGER NOT NULL,
    failed_legs      INTEGER NOT NULL,
    duration_micros  INTEGER NOT NULL,
    billable_minutes INTEGER NOT NULL
);
CREATE INDEX cdr_usage_partner_date_start ON cdr_usage (partner_sid, date_start);

INSERT INTO cdr_usage (partner_sid, date_start, direction, role, disconnect_cause, custom_call_type,
                       legs, joined_legs, failed_legs, duration_micros, billable_minutes)
SELECT partner_sid,
       date_start - (((date_start % 900000) + 900000) % 900000) AS slot,
       direction, role, disconnect_cause, custom_call_type,
       count(*),
       count(date_join),
       sum(CASE WHEN disconnect_cause IS NOT NULL AND disconnect_cause <> 16 THEN 1 ELSE 0 END),
       coalesce(sum(duration), 0),
       coalesce(sum((duration + 59999999) / 60000000), 0)
FROM cdr
GROUP BY partner_sid, slot, direction, role, disconnect_cause, custom_call_type;
