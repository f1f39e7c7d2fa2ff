-- How long a partner's records are kept after their date_stop, in days; null inherits the nearest
-- ancestor's, and none anywhere keeps them forever. The purge finds expired records through
-- cdr_partner_date_stop (partner_sid, date_stop, seq).
ALTER TABLE partner ADD COLUMN cdr_retention_days integer CHECK (cdr_retention_days >= 1);

-- A call_sid names a record within its partner: the same call_sid under two partners is two records, so a
-- tenant can neither learn that a call_sid exists elsewhere (ingest answers as for a free one) nor claim
-- it before its owner. GET by call_sid still finds it through cdr_call_sid, no longer unique.
ALTER TABLE cdr DROP CONSTRAINT cdr_call_sid;
ALTER TABLE cdr ADD CONSTRAINT cdr_partner_call_sid UNIQUE (partner_sid, call_sid);
CREATE INDEX cdr_call_sid ON cdr (call_sid);

-- Erased call_sids are remembered per partner for the same reason; '' (erasures made before this
-- version) refuses the call_sid for every partner, as it did.
ALTER TABLE erased_call ADD COLUMN partner_sid text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE erased_call DROP CONSTRAINT erased_call_pkey;
ALTER TABLE erased_call ADD PRIMARY KEY (call_sid, partner_sid);
