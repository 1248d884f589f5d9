-- Two index entries fewer for every message: one for its journal row, one for each event of it. Each dropped index
-- is served by one that has to exist anyway.
--
-- The de-duplication index now leads with the message id, so it also serves the search by message id, which had an
-- index of its own. ON CONFLICT names the columns, not the order, so the ingest's arbiter is unchanged.
CREATE UNIQUE INDEX exchange_dedup_by_message ON exchange (message_id, sender, channel, direction);
DROP INDEX exchange_dedup;
ALTER INDEX exchange_dedup_by_message RENAME TO exchange_dedup;
DROP INDEX exchange_message_id;

-- An exchange's events are read by exchange, in id order, and never by id alone: one index on (exchange_id, id) is
-- both the primary key and the way in.
ALTER TABLE exchange_event DROP CONSTRAINT exchange_event_pkey;
DROP INDEX exchange_event_exchange;
ALTER TABLE exchange_event ADD PRIMARY KEY (exchange_id, id);
