-- No streaming processor exists: every read model is a subscribing handler in the command's own transaction,
-- and a replay reads the event store directly. Nothing reads or writes token positions.
DROP TABLE token_entry;
