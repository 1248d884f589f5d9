-- The exchange journal: one row per unit of exchange (an HL7 message in or out, a FHIR or web-service
-- write, a file and each record in it, a CCL run). See com.practicestudio.journal.package-info.

CREATE TABLE exchange (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         text        NOT NULL CHECK (channel IN ('HL7', 'FHIR', 'MILLENNIUM', 'FILE', 'CCL')),
    direction       text        NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    message_type    text        NOT NULL,               -- e.g. ADT^A04, Appointment.create, 837P
    sender          text        NOT NULL,               -- inbound: the sending system; outbound: us or the domain
    message_id      text,                               -- control id; NULL = no de-duplication
    correlation_key text,                               -- e.g. MRN; NULL = no ordering constraint
    status          text        NOT NULL CHECK (status IN ('RECEIVED', 'PENDING', 'PROCESSING', 'APPLIED',
                                                           'DELIVERED', 'FAILED', 'IGNORED', 'DISCARDED')),
    attempts        integer     NOT NULL DEFAULT 0,       -- claims since recorded or requeued
    claim_seq       integer     NOT NULL DEFAULT 0,       -- claims ever: fences a stale worker's writes
    next_attempt_at timestamptz,                        -- set while RECEIVED/PENDING
    claimed_by      text,                               -- node id while PROCESSING
    lease_until     timestamptz,                        -- a PROCESSING row past its lease is reclaimed
    error_code      text,                               -- stable code, e.g. JOURNAL-001
    error_text      text,                               -- no PHI
    endpoint        text,                               -- interface / endpoint name
    parent_id       bigint      REFERENCES exchange (id),
    payload_size    integer     NOT NULL DEFAULT 0,
    content_type    text,
    received_at     timestamptz NOT NULL,
    completed_at    timestamptz,                        -- applied / delivered / failed / ignored / discarded
    updated_at      timestamptz NOT NULL,
    CONSTRAINT exchange_direction_status CHECK (
        (direction = 'INBOUND' AND status NOT IN ('PENDING', 'DELIVERED'))
        OR (direction = 'OUTBOUND' AND status NOT IN ('RECEIVED', 'APPLIED')))
);

-- Inbound de-duplication: the same sender's control id is recorded once per channel.
CREATE UNIQUE INDEX exchange_dedup ON exchange (channel, direction, sender, message_id);

-- The claim query walks waiting rows in arrival order ...
CREATE INDEX exchange_waiting ON exchange (id) WHERE status IN ('RECEIVED', 'PENDING');
-- ... checks the rows ahead of it with the same key ...
CREATE INDEX exchange_unfinished_key ON exchange (direction, correlation_key, id)
    WHERE status IN ('RECEIVED', 'PENDING', 'PROCESSING') AND correlation_key IS NOT NULL;
-- ... and reclaims rows whose lease ran out.
CREATE INDEX exchange_leased ON exchange (lease_until) WHERE status = 'PROCESSING';

-- API filters (newest first by id). The rare statuses have their own small index; the common ones
-- (APPLIED, DELIVERED) are found by walking the primary key backwards.
CREATE INDEX exchange_exceptional ON exchange (status, id) WHERE status IN ('FAILED', 'IGNORED', 'DISCARDED');
CREATE INDEX exchange_correlation ON exchange (correlation_key, id) WHERE correlation_key IS NOT NULL;
CREATE INDEX exchange_message_id ON exchange (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX exchange_parent ON exchange (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX exchange_received_at ON exchange USING brin (received_at);

-- The message itself, sealed by Crypto (context "exchange_payload.body"). Kept apart so that the
-- journal rows stay narrow for the claim and list queries.
CREATE TABLE exchange_payload (
    exchange_id     bigint      PRIMARY KEY REFERENCES exchange (id) ON DELETE CASCADE,
    body            bytea       NOT NULL
);

-- History of each row: every attempt's outcome, reclaims, requeues, discards.
CREATE TABLE exchange_event (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exchange_id     bigint      NOT NULL REFERENCES exchange (id) ON DELETE CASCADE,
    at              timestamptz NOT NULL,
    kind            text        NOT NULL,               -- APPLIED, DELIVERED, IGNORED, RETRY, FAILED,
                                                        -- LEASE_EXPIRED, REQUEUED, DISCARDED
    attempt         integer     NOT NULL,
    node            text,
    actor           text,
    error_code      text,
    error_text      text,                               -- no PHI
    millis          integer,                            -- how long the attempt took
    note            text                                -- e.g. an operator's discard reason
);
CREATE INDEX exchange_event_exchange ON exchange_event (exchange_id, id);
