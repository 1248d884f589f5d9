-- Appointments (the seed's Appointment Mapping: Cerner SCH_EVENT_ID / FHIR Appointment).
-- Instants are stored in UTC (timestamptz); they are shown in the location's time zone.
CREATE TABLE appointment (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id         text,                   -- Cerner SCH_EVENT_ID / FHIR Appointment id
    patient_id          bigint      NOT NULL REFERENCES patient (id),
    provider_id         bigint      REFERENCES provider (id),
    location_id         bigint      REFERENCES location (id),
    appointment_type    text,
    status              text        NOT NULL CHECK (status IN (
                            'proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled',
                            'noshow', 'entered-in-error', 'checked-in', 'waitlist', 'booking-failed')),
    status_reason       text,
    start_time          timestamptz NOT NULL,
    end_time            timestamptz NOT NULL,
    reason              text,
    notes               text,
    cerner_domain_id    bigint,                 -- the Cerner domain it is booked in (feature to come)
    slot_id             text,                   -- the Cerner slot it is booked on
    version             integer     NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT appointment_ends_after_start CHECK (end_time > start_time)
);
CREATE UNIQUE INDEX appointment_external_id ON appointment (external_id) WHERE external_id IS NOT NULL;
CREATE INDEX appointment_start ON appointment (start_time, id);
CREATE INDEX appointment_patient ON appointment (patient_id, start_time);
CREATE INDEX appointment_location_start ON appointment (location_id, start_time);
CREATE INDEX appointment_provider_start ON appointment (provider_id, start_time);
