-- Billing: charges, claims made of charges, 835 remittances and payments. Money is USD, numeric(12,2).

CREATE TABLE charge (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id         text,                   -- e.g. the FT1 transaction id
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    encounter_id        bigint      REFERENCES encounter (id),
    code                text        NOT NULL,   -- CPT or HCPCS
    code_system         text        NOT NULL CHECK (code_system IN ('CPT', 'HCPCS')),
    modifiers           text[]      NOT NULL DEFAULT '{}',
    description         text,
    quantity            numeric(10,2) NOT NULL CHECK (quantity > 0),
    unit_amount         numeric(12,2) NOT NULL,
    amount              numeric(12,2) NOT NULL,
    service_date        date        NOT NULL,
    diagnosis_codes     text[]      NOT NULL DEFAULT '{}',   -- ICD-10-CM
    provider_id         bigint      REFERENCES provider (id),
    status              text        NOT NULL CHECK (status IN ('open', 'billed', 'void')),
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX charge_external_id ON charge (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX charge_patient ON charge (patient_id, service_date);
CREATE INDEX charge_encounter ON charge (encounter_id);
CREATE INDEX charge_code ON charge (code, service_date);

CREATE SEQUENCE claim_number_seq;

CREATE TABLE claim (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_number        text        NOT NULL UNIQUE,   -- patient control number (837 CLM01)
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    coverage_id         bigint      NOT NULL REFERENCES patient_coverage (id),
    status              text        NOT NULL CHECK (status IN (
                            'draft', 'ready', 'submitted', 'accepted', 'rejected', 'paid', 'denied')),
    total_amount        numeric(12,2) NOT NULL,
    billing_provider_id bigint      REFERENCES provider (id),
    submitted_at        timestamptz,
    payer_claim_id      text,                   -- payer claim control number (835 CLP07)
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_patient ON claim (patient_id);
CREATE INDEX claim_status ON claim (status);

CREATE TABLE claim_line (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id            bigint      NOT NULL REFERENCES claim (id),
    line_number         integer     NOT NULL,
    charge_id           bigint      NOT NULL REFERENCES charge (id),
    amount              numeric(12,2) NOT NULL,   -- the charge's amount when billed
    UNIQUE (claim_id, line_number),
    UNIQUE (claim_id, charge_id)
);
CREATE INDEX claim_line_charge ON claim_line (charge_id);

CREATE TABLE remittance (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payer_name          text        NOT NULL,   -- 835 N1*PR
    payer_id            text        NOT NULL,   -- 835 TRN03 / N1*PR identifier
    check_number        text        NOT NULL,   -- check or EFT trace number (TRN02)
    payment_method      text        NOT NULL CHECK (payment_method IN ('check', 'eft', 'none')),
    payment_date        date        NOT NULL,   -- BPR16
    total_paid          numeric(12,2) NOT NULL, -- BPR02
    created_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (payer_id, check_number)
);
CREATE INDEX remittance_payment_date ON remittance (payment_date);

CREATE TABLE remittance_claim (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    remittance_id           bigint      NOT NULL REFERENCES remittance (id),
    position                integer     NOT NULL,
    claim_number            text        NOT NULL,   -- CLP01
    claim_id                bigint      REFERENCES claim (id),   -- the local claim, when found
    claim_status_code       text,                   -- CLP02
    payer_claim_id          text,                   -- CLP07
    billed                  numeric(12,2) NOT NULL, -- CLP03
    paid                    numeric(12,2) NOT NULL, -- CLP04
    patient_responsibility  numeric(12,2) NOT NULL DEFAULT 0,   -- CLP05
    UNIQUE (remittance_id, position)
);
CREATE INDEX remittance_claim_claim ON remittance_claim (claim_id);

CREATE TABLE remittance_adjustment (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    remittance_claim_id bigint      NOT NULL REFERENCES remittance_claim (id),
    position            integer     NOT NULL,
    group_code          text        NOT NULL CHECK (group_code IN ('CO', 'CR', 'OA', 'PI', 'PR')),
    reason_code         text        NOT NULL,   -- CARC
    amount              numeric(12,2) NOT NULL,
    UNIQUE (remittance_claim_id, position)
);

CREATE TABLE payment (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    claim_id            bigint      REFERENCES claim (id),
    remittance_id       bigint      REFERENCES remittance (id),
    amount              numeric(12,2) NOT NULL CHECK (amount <> 0),
    method              text        NOT NULL CHECK (method IN ('cash', 'check', 'card', 'eft', 'other')),
    received_date       date        NOT NULL,
    reference           text,
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_patient ON payment (patient_id);
CREATE INDEX payment_claim ON payment (claim_id);
CREATE INDEX payment_remittance ON payment (remittance_id);
