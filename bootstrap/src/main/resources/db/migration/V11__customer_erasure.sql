-- Erasure (GDPR art. 17): an erased customer's row keeps only what is not personal data, so the columns of its
-- personal fields take NULL, and the row says when it was erased. search_text is NULL for such a row: nothing in
-- it is searchable any more. The unique email index ignores NULLs, so the email is free again.
ALTER TABLE customers
    ALTER COLUMN first_name DROP NOT NULL,
    ALTER COLUMN last_name DROP NOT NULL,
    ALTER COLUMN email DROP NOT NULL,
    ADD COLUMN erased_at TIMESTAMPTZ;
