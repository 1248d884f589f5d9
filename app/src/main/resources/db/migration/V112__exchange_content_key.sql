-- What an inbound message says, as a digest its channel computes (for HL7: the message without MSH-7 and MSH-10).
-- Senders do reuse control ids (an interface engine reinstalled, a counter reset, two feeds behind one
-- application and facility name). A repeat of a recorded id is a duplicate only when this matches; a different
-- message under a used id is recorded again under an id of its own instead of being answered as a duplicate and
-- dropped. NULL (channels that do not set it, rows from before) keeps the old rule: the same id is the same message.
ALTER TABLE exchange ADD COLUMN content_key text;
