-- A follow-up an inbound row owes once it has an outcome (for HL7 enhanced mode: the application ACK MSH-16 asks
-- for, through the listener's reply sender). It is written with the row by the ingest's own insert, so the intent
-- commits with the message or not at all; NULL for every row that owes nothing (the ordinary case).
--
-- follow_up:      what is owed, in the owning channel's words (the journal does not read it).
-- follow_up_seen: the status the owner last answered without clearing follow_up (e.g. FAILED, when the owner waits
--                 for a reprocess to succeed). The row is due again only when its status differs.
--
-- Both columns are nullable without a default: adding them rewrites nothing. The partial index holds only the rows
-- that still owe something, so finding due rows costs nothing when no channel uses follow-ups.
ALTER TABLE exchange ADD COLUMN follow_up text, ADD COLUMN follow_up_seen text;
CREATE INDEX exchange_follow_up ON exchange (id) WHERE follow_up IS NOT NULL;
