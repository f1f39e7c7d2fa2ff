-- How long a partner's records are kept after their date_stop, in days; null inherits the nearest
-- ancestor's, and none anywhere keeps them forever. The purge finds expired records through
-- cdr_partner_date_stop (partner_sid, date_stop, seq).
ALTER TABLE partner ADD COLUMN cdr_retention_days INTEGER CHECK (cdr_retention_days >= 1);

-- A call_sid names a record within its partner: the same call_sid under two partners is two records, so a
-- tenant can neither learn that a call_sid exists elsewhere (ingest answers as for a free one) nor claim
-- it before its owner. GET by call_sid still finds it through cdr_call_sid, no longer unique.
DROP INDEX cdr_call_sid;
CREATE UNIQUE INDEX cdr_partner_call_sid ON cdr (partner_sid, call_sid);
CREATE INDEX cdr_call_sid ON cdr (call_sid);

-- Erased call_sids are remembered per partner for the same reason; '' (erasures made before this
-- version) refuses the call_sid for every partner, as it did.
CREATE TABLE erased_call_v9 (
    call_sid    TEXT NOT NULL,
    partner_sid TEXT NOT NULL DEFAULT '',
    erasure_sid TEXT NOT NULL,
    PRIMARY KEY (call_sid, partner_sid)
);
INSERT INTO erased_call_v9 (call_sid, partner_sid, erasure_sid) SELECT call_sid, '', erasure_sid FROM erased_call;
DROP TABLE erased_call;
ALTER TABLE erased_call_v9 RENAME TO erased_call;
