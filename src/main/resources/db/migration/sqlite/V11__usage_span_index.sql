-- The span read of a usage report from aggregates (distinct meetings and peak concurrency need every
-- matching leg's partner_sid, meeting_sid, date_start and date_stop) filters by visible partners and a
-- date_start range. This index answers it by seeking each partner's range and reading the four columns
-- from the index alone, without visiting the wide rows, whenever the report groups by no kept dimension
-- (direction, role, disconnect_cause, custom_call_type: those are then read from the rows).
-- Partial on a predicate every row meets, so that only a query stating the predicate (the span read,
-- SqliteDialect.spanIndexCondition) may use it: SQLite keeps no statistics here, and a plain index on
-- (partner_sid, date_start) wins its planner over for any list page filtered by partner and date_start,
-- which then reads and sorts the whole range to serve one page.
CREATE INDEX cdr_partner_date_start ON cdr (partner_sid, date_start, meeting_sid, date_stop)
    WHERE date_start >= -9223372036854775808;
