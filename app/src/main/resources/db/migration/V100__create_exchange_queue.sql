-- The journal's work queue: one row for each exchange row that is waiting (RECEIVED, PENDING) or being worked on
-- (PROCESSING), deleted when the row finishes. The claim and the in-order check per correlation key used to walk
-- partial indexes of the exchange table itself. Every status change leaves a dead entry at the front of those
-- indexes, and autovacuum cleans a table only after a fifth of its rows changed: with months of history that is
-- millions of dead entries for each claim to step over. This table stays as small as the backlog, and its own
-- settings have it vacuumed after a few thousand changes.
CREATE TABLE exchange_queue (
    exchange_id     bigint      PRIMARY KEY REFERENCES exchange (id) ON DELETE CASCADE,
    direction       text        NOT NULL,
    correlation_key text,
    next_attempt_at timestamptz NOT NULL,
    claimed         boolean     NOT NULL DEFAULT false  -- the exchange row is PROCESSING
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
        autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000,
        autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000);

-- The claim walks waiting rows in arrival order ...
CREATE INDEX exchange_queue_waiting ON exchange_queue (exchange_id) WHERE NOT claimed;
-- ... checks for a row ahead of it with the same key ...
CREATE INDEX exchange_queue_key ON exchange_queue (direction, correlation_key, exchange_id)
    WHERE correlation_key IS NOT NULL;
-- ... and for a row of that key being worked on. The few claimed rows are also where leases that ran out are
-- looked for.
CREATE INDEX exchange_queue_claimed ON exchange_queue (direction, correlation_key) WHERE claimed;

INSERT INTO exchange_queue (exchange_id, direction, correlation_key, next_attempt_at, claimed)
SELECT id, direction, correlation_key, coalesce(next_attempt_at, updated_at), status = 'PROCESSING'
FROM exchange WHERE status IN ('RECEIVED', 'PENDING', 'PROCESSING');

DROP INDEX exchange_waiting;
DROP INDEX exchange_unfinished_key;
DROP INDEX exchange_leased;

-- With the claim gone from the journal's indexes, only the error queue's index still names status. It moves to a
-- column of its own that is NULL on the applied path, so that claiming a row and finishing it as APPLIED or
-- DELIVERED change no indexed value: PostgreSQL then writes the new row version on the same page without new
-- index entries (a HOT update), when the page has room, which the fill factor keeps for the newest rows.
ALTER TABLE exchange ADD COLUMN exceptional text
    GENERATED ALWAYS AS (CASE WHEN status IN ('FAILED', 'IGNORED', 'DISCARDED') THEN status END) STORED;
DROP INDEX exchange_exceptional;
CREATE INDEX exchange_exceptional ON exchange (exceptional, id) WHERE exceptional IS NOT NULL;
ALTER TABLE exchange SET (fillfactor = 70);
