-- A partner's callbacks object (name -> URL) as JSON text; NULL means none.
ALTER TABLE partner ADD COLUMN callbacks TEXT;
