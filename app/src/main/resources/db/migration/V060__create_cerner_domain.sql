-- Cerner domains: where a Millennium domain's FHIR server, authorization server and web services are,
-- and how we authenticate to them. Secrets are sealed with Crypto (AES-GCM, associated data
-- 'cerner_domain.<column>'); key rotation finds them through EncryptedColumn beans.
CREATE TABLE cerner_domain (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                text        NOT NULL,
    fhir_root           text        NOT NULL,
    enabled             boolean     NOT NULL DEFAULT true,
    -- system account (client_credentials)
    client_id           text,
    client_auth         text        NOT NULL DEFAULT 'client_secret_basic'
                        CHECK (client_auth IN ('client_secret_basic', 'private_key_jwt')),
    client_secret       bytea,
    private_key         bytea,
    key_id              text,
    public_jwks         text,
    scopes              text[]      NOT NULL DEFAULT '{}',
    -- SMART app registration (authorization code + PKCE)
    smart_client_id     text,
    smart_client_secret bytea,
    smart_scopes        text[]      NOT NULL DEFAULT '{}',
    -- Millennium web services
    millennium_base_url text,
    millennium_services text[]      NOT NULL DEFAULT '{}',
    millennium_version  text        NOT NULL
                        CHECK (millennium_version IN ('2015', '2018', '2020+', 'CommunityWorks')),
    time_zone           text        NOT NULL,
    test_patient_id     text,
    -- what .well-known/smart-configuration and metadata said (last success, last attempt)
    discovery           jsonb,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             integer     NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX cerner_domain_name ON cerner_domain (lower(name));
CREATE UNIQUE INDEX cerner_domain_fhir_root ON cerner_domain (lower(fhir_root));
