-- Business keys of records that inbound HL7 messages create but that have no identifier of their own in the
-- message (an OBX result, an ED document inside an ORU, an FT1 without a transaction id, a TXA without a unique
-- document number): applying the same message again finds the record through its key instead of creating it twice.
-- The key is stored as a SHA-256 digest, so no accession number, MRN or other message value is kept here.
CREATE TABLE hl7_record_key (
    kind        text        NOT NULL,   -- observation, document, charge
    key_hash    text        NOT NULL,   -- hex SHA-256 of the key the message gives
    record_id   bigint      NOT NULL,   -- the observation, clinical_document or charge row
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, key_hash)
);
