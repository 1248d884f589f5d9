-- Code maps: which Practice Studio value a Cerner code stands for, per kind of value.
-- A row maps one code of one code system (a Cerner code set number such as '57', an HL7 v2 table such as
-- 'HL70001', or a URI such as 'http://hl7.org/fhir/administrative-gender') to a Practice Studio value.
-- The code is whatever Cerner sends: a numeric code value ('309237'), a raw 'CD:309237', a display or alias
-- text ('Married'). Codes match case-insensitively. scope NULL is the default for every Cerner domain and
-- interface; a non-NULL scope (a domain or interface name) overrides the default for that scope only.
CREATE TABLE code_map (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind            text        NOT NULL,   -- gender, language, race, … (CodeMapKind)
    scope           text,
    code_system     text        NOT NULL,   -- normalised: '57', 'HL70001', a URI
    code            text        NOT NULL,
    value           text        NOT NULL,   -- the Practice Studio value
    display         text,                   -- what the code means, for people
    preferred       boolean     NOT NULL DEFAULT false,  -- the code chosen when translating a value back
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX code_map_key ON code_map (kind, coalesce(scope, ''), code_system, lower(code));
CREATE INDEX code_map_value ON code_map (kind, value);

-- Bumped by every change to code_map, so each node's cache sees changes made on other nodes.
CREATE TABLE code_map_revision (
    id              integer     PRIMARY KEY CHECK (id = 1),
    revision        bigint      NOT NULL
);
INSERT INTO code_map_revision (id, revision) VALUES (1, 0);

CREATE FUNCTION code_map_bump_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE code_map_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER code_map_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON code_map
    FOR EACH STATEMENT EXECUTE FUNCTION code_map_bump_revision();
