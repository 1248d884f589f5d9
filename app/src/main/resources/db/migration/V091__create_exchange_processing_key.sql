-- The keys being worked on, for the claim query: a waiting row whose key is PROCESSING is not due.
-- Asked once per claim (a few dozen rows at any time) instead of by scanning every waiting row of
-- each candidate's key, which cost a millisecond and a half a claim once a backlog built up.
-- No "correlation_key IS NOT NULL" in the predicate: the planner reads the keys as one hashed
-- subquery that could not prove it, and would scan the table instead.
CREATE INDEX exchange_processing_key ON exchange (direction, correlation_key)
    WHERE status = 'PROCESSING';
