-- Clinical records: encounters (visits), observations (results, vitals) and clinical documents.

CREATE TABLE encounter (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id             text,               -- Cerner ENCNTR_ID / FHIR Encounter id
    patient_id              bigint      NOT NULL REFERENCES patient (id),
    fin                     text,               -- Cerner FIN NBR, the account number (PID-18)
    fin_assigning_authority text        NOT NULL DEFAULT '',
    visit_number            text,               -- PV1-19
    encounter_class         text        NOT NULL,
    status                  text        NOT NULL,
    location_id             bigint      REFERENCES location (id),
    attending_provider_id   bigint      REFERENCES provider (id),
    admit_time              timestamptz,
    discharge_time          timestamptz,
    reason                  text,
    version                 integer     NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT encounter_discharge_after_admit CHECK (discharge_time IS NULL OR admit_time IS NULL
                                                      OR discharge_time >= admit_time)
);
CREATE UNIQUE INDEX encounter_fin ON encounter (fin_assigning_authority, fin) WHERE fin IS NOT NULL;
CREATE UNIQUE INDEX encounter_external_id ON encounter (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX encounter_patient ON encounter (patient_id);
CREATE INDEX encounter_admit ON encounter (admit_time);

CREATE TABLE observation (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id         text,                   -- Cerner clinical event id / FHIR Observation id
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    encounter_id        bigint      REFERENCES encounter (id),
    category            text        NOT NULL,   -- vital-signs, laboratory …
    code                text        NOT NULL,   -- e.g. a LOINC code
    code_system         text        NOT NULL,
    display             text,
    value               text,                   -- as given
    value_numeric       numeric,                -- when the value is a number
    unit                text,                   -- UCUM
    reference_range     text,
    abnormal_flag       text,                   -- HL7 table 0078 (L, H, LL, HH, N, A …)
    status              text        NOT NULL,
    effective_time      timestamptz NOT NULL,
    issued_time         timestamptz,
    performer_id        bigint      REFERENCES provider (id),
    notes               text,
    order_id            text,                   -- placer/filler order number: groups results
    accession           text,
    send_to_cerner      boolean     NOT NULL DEFAULT false,
    cerner_status       text,                   -- filled by the Cerner FHIR feature
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX observation_external_id ON observation (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX observation_patient ON observation (patient_id, effective_time);
CREATE INDEX observation_code ON observation (code, effective_time);
CREATE INDEX observation_encounter ON observation (encounter_id);
CREATE INDEX observation_accession ON observation (accession) WHERE accession IS NOT NULL;

CREATE TABLE clinical_document (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id         text,                   -- Cerner event id / FHIR DocumentReference id
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    encounter_id        bigint      REFERENCES encounter (id),
    type_code           text        NOT NULL,   -- LOINC document type
    type_display        text,
    title               text,
    status              text        NOT NULL,
    author_id           bigint      REFERENCES provider (id),
    created_time        timestamptz NOT NULL,   -- when the document was written
    content_type        text        NOT NULL,
    content             bytea       NOT NULL,   -- sealed by Crypto ("clinical_document.content")
    size_bytes          bigint      NOT NULL,   -- of the plaintext
    sha256              text        NOT NULL,   -- hex, of the plaintext
    send_to_cerner      boolean     NOT NULL DEFAULT false,
    cerner_status       text,                   -- filled by the Cerner FHIR feature
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clinical_document_external_id ON clinical_document (external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX clinical_document_patient ON clinical_document (patient_id, created_time);
CREATE INDEX clinical_document_encounter ON clinical_document (encounter_id);
