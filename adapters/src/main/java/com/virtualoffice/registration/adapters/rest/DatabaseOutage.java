package com.virtualoffice.registration.adapters.rest;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is out of reach (stopped, restarting, the connection cut), wherever in the
 * cause chain that shows. A request that finds no connection fails with one of Spring's exceptions, but one whose
 * connection is cut while it runs fails inside Axon (EventStoreException, JdbcException) or in Spring's rollback
 * after a failed commit (TransactionSystemException), with the driver's error as the cause. Either way the
 * transaction did not commit, or (its answer lost) committed whole: the client may retry, so it is a 503, not a
 * 500.
 */
final class DatabaseOutage {

    /** SQLSTATE class 08, connection exception: no connection, or it broke. */
    private static final String CONNECTION_EXCEPTION = "08";
    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping, has crashed, is starting. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /**
     * What Hikari's proxy says, without a SQLSTATE, once it has closed a connection it found broken. The error that
     * broke it is often gone by then: Axon swallows a failed snapshot read ("Error reading snapshot") and goes on
     * with the same connection, and a rollback after a failed commit reports its own failure instead.
     */
    private static final String BROKEN_AND_CLOSED_BY_POOL = "Connection is closed";

    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && lostConnection(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lostConnection(SQLException failure) {
        String sqlState = failure.getSQLState();
        if (sqlState == null) {
            return BROKEN_AND_CLOSED_BY_POOL.equals(failure.getMessage());
        }
        return sqlState.startsWith(CONNECTION_EXCEPTION) || SERVER_GOING_AWAY.contains(sqlState);
    }
}
