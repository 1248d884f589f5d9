-- A console user's SMART authorization with one Cerner domain: the refresh token (sealed,
-- associated data 'smart_authorization.refresh_token') and the context of the last launch.
CREATE TABLE smart_authorization (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain_id         bigint      NOT NULL REFERENCES cerner_domain (id) ON DELETE CASCADE,
    username          text        NOT NULL,
    refresh_token     bytea       NOT NULL,
    scopes            text        NOT NULL,
    patient_id        text,
    encounter_id      text,
    fhir_user         text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX smart_authorization_user ON smart_authorization (domain_id, lower(username));
