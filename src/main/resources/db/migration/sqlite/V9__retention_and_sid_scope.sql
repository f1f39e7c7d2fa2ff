-- How long a partner's records are kept after their date_stop, in days; null inherits the nearest
-- ancestor's, and none anywhere keeps them forever. The purge finds expired records through
-- cdr_partner_date_stop (partner_sid, date_stop, seq).
ALTER TABLE partner ADD COLUMN cdr_retention_days INTEGER CHECK (cdr_retention_days >= 1);
