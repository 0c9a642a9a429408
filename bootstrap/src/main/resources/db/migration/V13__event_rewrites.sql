-- Erasing a customer whose events were stored before sealing (revision 1, personal fields in plain JSON)
-- rewrites those events' payloads in place, once, with the personal fields null: the one exception to an
-- append-only domain_event_entry (docs/event-store.md). Every rewritten event is recorded here, with the
-- erasure that caused it and who asked for it. Ids and names of properties only: no personal data.
CREATE TABLE event_rewrites (
    -- The rewritten event; an event is rewritten once at most.
    global_index             BIGINT       NOT NULL PRIMARY KEY REFERENCES domain_event_entry (global_index),
    event_identifier         VARCHAR(255) NOT NULL,
    payload_type             VARCHAR(255) NOT NULL,
    -- The payload's properties that held a value and now hold null.
    erased_properties        TEXT[]       NOT NULL,
    rewritten_at             TIMESTAMPTZ  NOT NULL,
    -- The CustomerErased event, appended in the same transaction.
    erasure_event_identifier VARCHAR(255) NOT NULL
        REFERENCES domain_event_entry (event_identifier) DEFERRABLE INITIALLY DEFERRED,
    -- Who asked for the erasure, as its event's metadata says.
    actor_type               TEXT,
    api_key_id               UUID,
    request_id               TEXT
);
CREATE INDEX event_rewrites_erasure_idx ON event_rewrites (erasure_event_identifier);

