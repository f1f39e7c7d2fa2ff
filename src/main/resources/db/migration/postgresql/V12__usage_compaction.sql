-- Delta rows of cdr_usage are merged in the background, per partner and slot, into one row per cell
-- (store.sql.UsageCellMerge, run by lifecycle.AggregateCompaction): without it a steady feed of small
-- ingest batches leaves a row per batch and cell, and a month's report would sum millions of them.
-- "compacted" marks merged rows; the (partner, slot) pairs that received deltas since their last merge
-- are found through the small partial index.
ALTER TABLE cdr_usage ADD COLUMN compacted boolean NOT NULL DEFAULT false;
CREATE INDEX cdr_usage_fresh ON cdr_usage (partner_sid, date_start) WHERE NOT compacted;
