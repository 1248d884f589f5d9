-- HL7 v2 interfaces (MLLP listeners and senders) and their filter / transformation rules.
-- See com.practicestudio.hl7.package-info.

CREATE TABLE hl7_interface (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name              text        NOT NULL UNIQUE,   -- also the journal rows' endpoint; never changes
    kind              text        NOT NULL CHECK (kind IN ('LISTENER', 'SENDER')),
    enabled           boolean     NOT NULL,
    settings          jsonb       NOT NULL,          -- ListenerSettings / SenderSettings, no secrets
    keystore_password bytea,                         -- sealed by Crypto, context hl7_interface.keystore_password
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE hl7_rule (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    interface_id       bigint      NOT NULL REFERENCES hl7_interface (id) ON DELETE CASCADE,
    kind               text        NOT NULL CHECK (kind IN ('FILTER', 'TRANSFORM')),
    position           integer     NOT NULL CHECK (position >= 1),
    action             text        NOT NULL CHECK (action IN ('ACCEPT', 'IGNORE', 'REJECT',
                                                               'SET', 'COPY', 'CLEAR', 'MAP', 'STRIP_PREFIX')),
    enabled            boolean     NOT NULL DEFAULT true,
    description        text,
    -- conditions (all given ones must hold)
    match_message_type text,                          -- MSH-9.1, comma-separated, * = any
    match_trigger      text,                          -- MSH-9.2, comma-separated, * = any
    match_facility     text,                          -- MSH-4.1, comma-separated
    match_path         text,                          -- a field path, e.g. PV1-2
    match_value        text,                          -- the value at match_path
    -- transformation
    target_path        text,
    source_path        text,                          -- COPY
    value              text,                          -- SET value, STRIP_PREFIX prefix
    code_map_kind      text,                          -- MAP
    code_system        text,                          -- MAP
    version            integer     NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT hl7_rule_action_kind CHECK (
        (kind = 'FILTER' AND action IN ('ACCEPT', 'IGNORE', 'REJECT'))
        OR (kind = 'TRANSFORM' AND action IN ('SET', 'COPY', 'CLEAR', 'MAP', 'STRIP_PREFIX'))),
    CONSTRAINT hl7_rule_position UNIQUE (interface_id, kind, position) DEFERRABLE INITIALLY DEFERRED
);

-- One row: bumped by every interface or rule change so that every node reloads (cluster refresh),
-- and whether the default listener was created (so that deleting it sticks).
CREATE TABLE hl7_config (
    id                       integer PRIMARY KEY CHECK (id = 1),
    generation               bigint  NOT NULL,
    default_listener_created boolean NOT NULL
);
INSERT INTO hl7_config (id, generation, default_listener_created) VALUES (1, 0, false);

-- MSH-10 of the messages Practice Studio sends (SIU, application ACKs).
CREATE SEQUENCE hl7_control_id;
