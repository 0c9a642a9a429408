package com.virtualoffice.registration.adapters.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises PostgreSQL's unique-key violation (SQLState 23505) anywhere in the cause chain. Axon's default
 * resolver misses it when the driver's exception arrives wrapped, and then two instances appending to the same
 * seller surface as a generic store failure instead of a retryable {@code ConcurrencyException}.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
