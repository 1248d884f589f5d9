-- A vacuum of the work queue no longer gives its empty last pages back to the file system. Doing so takes an
-- ACCESS EXCLUSIVE lock on the table, which stops every claim and every ingest insert until the vacuum lets go, and
-- a draining backlog empties the last pages on almost every vacuum, only for the next burst to extend the file
-- again. The queue keeps the pages of its largest backlog and reuses them.
ALTER TABLE exchange_queue SET (vacuum_truncate = false);
