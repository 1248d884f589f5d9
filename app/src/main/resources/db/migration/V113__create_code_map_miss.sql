-- Codes a channel sent that no code map translated, so that an engineer can see which mappings to add
-- and which messages to reprocess. One row per (kind, scope, code system, code); nodes add their counts
-- to it every few seconds. Only code values are kept (never a message, a patient or free text).
-- scope and code_system are '' when the lookup had none, so that the key is a plain unique constraint.
CREATE TABLE code_map_miss (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text        NOT NULL,   -- CodeMapKind wire name
    scope             text        NOT NULL,   -- the interface or domain whose maps were asked; '' default
    code_system       text        NOT NULL,   -- normalised as in code_map; '' when the message named none
    code              text        NOT NULL,
    times             bigint      NOT NULL,
    first_seen        timestamptz NOT NULL,
    last_seen         timestamptz NOT NULL,
    last_exchange_id  bigint,                 -- the latest journal row that carried the code, when known
    CONSTRAINT code_map_miss_key UNIQUE (kind, scope, code_system, code)
);
