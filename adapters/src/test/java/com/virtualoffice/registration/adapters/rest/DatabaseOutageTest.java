package com.virtualoffice.registration.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures of requests that ran while PostgreSQL stopped under load (bench/drills/postgres-outage.sh), as they
 * reached the error handler: each is a 503, never a 500. Failures of the statement itself stay 500.
 */
class DatabaseOutageTest {

    @Test
    void no_connection_to_be_had_is_an_outage() {
        var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request"
                + " timed out after 5001ms.", "08001");
        assertThat(DatabaseOutage.causes(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                poolTimeout))).isTrue();
        assertThat(DatabaseOutage.causes(new CannotCreateTransactionException("Could not open JDBC Connection",
                poolTimeout))).isTrue();
    }

    @Test
    void a_connection_cut_while_axon_appends_is_an_outage() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        var batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry ...", "57P01", 0,
                new int[0], terminated);
        assertThat(DatabaseOutage.causes(new EventStoreException("An event for aggregate [x] at sequence [27] was"
                + " already inserted", batch))).isTrue();
    }

    @Test
    void a_connection_the_pool_closed_as_broken_is_an_outage() {
        var closed = new SQLException("Connection is closed");
        assertThat(DatabaseOutage.causes(new JdbcException("Failed to create a SQL statement", closed))).isTrue();
        assertThat(DatabaseOutage.causes(new TransactionSystemException("JDBC rollback failed", closed))).isTrue();
    }

    @Test
    void an_io_error_on_the_socket_is_an_outage() {
        var io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseOutage.causes(new JdbcException("Failed to execute query", io))).isTrue();
    }

    @Test
    void a_failing_statement_is_not_an_outage() {
        var duplicate = new SQLException("ERROR: duplicate key value violates unique constraint", "23505");
        assertThat(DatabaseOutage.causes(new EventStoreException("An event ... could not be persisted", duplicate)))
                .isFalse();
        assertThat(DatabaseOutage.causes(new SQLException("some driver failure"))).isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("a bug"))).isFalse();
    }
}
