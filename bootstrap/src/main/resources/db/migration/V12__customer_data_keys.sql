-- Each customer's data key, which its events' personal fields are sealed under, itself AES-GCM-wrapped under the
-- master key (REGISTRATION_DATA_KEY). Kept outside the event store: deleting a row erases that customer's
-- personal data from every event, and a backup of the events alone holds none.
CREATE TABLE customer_data_keys (
    customer_id uuid PRIMARY KEY,
    wrapped_key bytea NOT NULL
);

-- One value sealed under the master key: a start with another key is refused instead of reading garbage.
CREATE TABLE data_key_check (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    sealed bytea NOT NULL
);
