-- Practice Studio's own records of the people and places it exchanges data about.
-- Field names follow the seed's Patient Demographics Mapping ("Practice Studio Field" column, snake_case here).
-- Phones are E.164 when they parsed and kept as given (with *_valid false) when they did not; an extension
-- parsed from the number ("x12") sits beside it.

CREATE TABLE location (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id     text,                       -- Cerner location code value / FHIR Location id
    name            text        NOT NULL,
    kind            text,                       -- facility, building, clinic, room …
    time_zone       text        NOT NULL DEFAULT 'America/Chicago',
    address_line1   text,
    address_line2   text,
    city            text,
    state           text,
    postal_code     text,
    country         text,
    phone           text,
    phone_extension text,
    phone_valid     boolean     NOT NULL DEFAULT true,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX location_external_id ON location (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX location_name ON location (lower(name) text_pattern_ops);

CREATE TABLE provider (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id     text,                       -- Cerner personnel id (PRSNL_ID) / FHIR Practitioner id
    npi             text,
    first_name      text,
    last_name       text        NOT NULL,
    credentials     text,
    specialty       text,
    phone           text,
    phone_extension text,
    phone_valid     boolean     NOT NULL DEFAULT true,
    email           text,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX provider_external_id ON provider (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX provider_npi ON provider (npi) WHERE npi IS NOT NULL;
CREATE INDEX provider_last_name ON provider (lower(last_name) text_pattern_ops);

CREATE TABLE patient (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id             text,               -- Cerner PERSON_ID / FHIR Patient id
    mrn                     text,               -- the primary MRN (also in patient_identifier)
    first_name              text,
    middle_name             text,
    last_name               text        NOT NULL,
    name_suffix             text,
    date_of_birth           date,
    gender                  text        CHECK (gender IN ('M', 'F', 'O', 'U')),
    ssn                     bytea,              -- sealed by Crypto ("patient.ssn"), 9 digits
    ssn_last4               text,               -- for display to roles allowed PHI and for matching
    address_line1           text,
    address_line2           text,
    city                    text,
    state                   text,
    postal_code             text,
    country                 text,
    phone_home              text,               -- E.164 when it parsed; as given otherwise
    phone_home_extension    text,
    phone_home_valid        boolean     NOT NULL DEFAULT true,
    phone_mobile            text,
    phone_mobile_extension  text,
    phone_mobile_valid      boolean     NOT NULL DEFAULT true,
    phone_work              text,
    phone_work_extension    text,
    phone_work_valid        boolean     NOT NULL DEFAULT true,
    email                   text,
    preferred_language      text,
    race                    text,
    ethnicity               text,
    marital_status          text,
    deceased_date           date,
    primary_provider_id     bigint      REFERENCES provider (id),
    active                  boolean     NOT NULL DEFAULT true,
    merged_into_id          bigint      REFERENCES patient (id),  -- always the final survivor (chains are flattened)
    version                 integer     NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX patient_external_id ON patient (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX patient_mrn ON patient (mrn);
CREATE INDEX patient_name ON patient (lower(last_name) text_pattern_ops, lower(first_name));
CREATE INDEX patient_dob ON patient (date_of_birth);
CREATE INDEX patient_merged_into ON patient (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- Every identifier a patient carries: MRNs (with assigning authority), FHIR ids, other systems' ids.
-- A merge moves the merged record's identifiers to the survivor, so they resolve to it.
CREATE TABLE patient_identifier (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    type                text        NOT NULL,   -- MR, PI, AN, EXTERNAL …  (HL7 v2-0203)
    value               text        NOT NULL,
    assigning_authority text        NOT NULL DEFAULT '',
    system              text,                   -- FHIR identifier system, when known
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX patient_identifier_key ON patient_identifier (type, assigning_authority, value);
CREATE INDEX patient_identifier_value ON patient_identifier (value);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);

CREATE TABLE patient_coverage (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id      bigint      NOT NULL REFERENCES patient (id),
    priority        integer     NOT NULL DEFAULT 1,   -- 1 primary, 2 secondary …
    insurer_name    text        NOT NULL,
    insurer_id      text,
    plan_name       text,
    member_id       text,
    group_number    text,
    subscriber_name text,
    relationship    text,
    effective_date  date,
    expiration_date date,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patient_coverage_patient ON patient_coverage (patient_id);

-- Merge history: the merged (non-surviving) record points at the survivor; kept forever.
CREATE TABLE patient_merge (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    survivor_id         bigint      NOT NULL REFERENCES patient (id),
    merged_id           bigint      NOT NULL REFERENCES patient (id),
    merged_mrn          text,
    source              text        NOT NULL,   -- HL7 ADT^A40, FHIR, console, api …
    exchange_id         bigint,                 -- the journal row that caused it, when any
    actor               text        NOT NULL DEFAULT 'system',
    merged_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patient_merge_survivor ON patient_merge (survivor_id);
CREATE UNIQUE INDEX patient_merge_merged ON patient_merge (merged_id);
