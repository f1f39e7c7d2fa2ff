-- The span read of a usage report from aggregates (distinct meetings and peak concurrency need every
-- matching leg's partner_sid, meeting_sid, date_start and date_stop) filters by visible partners and a
-- date_start range. This index answers it by seeking each partner's range; meeting_sid and date_stop ride
-- along in INCLUDE, so the read is an index-only scan wherever the visibility map says the heap pages are
-- all-visible (after VACUUM, or autovacuum after inserts), and the report groups by no kept dimension
-- (direction, role, disconnect_cause, custom_call_type: those are then read from the rows).
CREATE INDEX cdr_partner_date_start ON cdr (partner_sid, date_start) INCLUDE (meeting_sid, date_stop);
