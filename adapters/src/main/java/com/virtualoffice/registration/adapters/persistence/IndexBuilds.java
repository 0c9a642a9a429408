package com.virtualoffice.registration.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Builds indexes (and adds the keys behind them) on several connections at once, each statement in a transaction
 * of its own with more sort memory than a command needs. One backend builds one index on one core; building the
 * longest one beside all the others is what a second core and a second connection buy. Statements on the same
 * table may run at once: CREATE INDEX takes a lock other builds share, and an ALTER TABLE waits its turn.
 */
final class IndexBuilds {

    private final DataSource dataSource;
    private final int connections;
    private final String memory;

    /**
     * @param connections statements built at the same time
     * @param memory each build's {@code maintenance_work_mem}, e.g. {@code 256MB}: with less, a large build sorts
     *               (or, for a GIN index, flushes its entries) in several passes over the disk
     */
    IndexBuilds(DataSource dataSource, int connections, String memory) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection builds, not " + connections);
        }
        if (!memory.matches("\\d+\\s*(kB|MB|GB|TB)")) {
            throw new IllegalArgumentException("not a PostgreSQL memory size: " + memory);
        }
        this.dataSource = dataSource;
        this.connections = connections;
        this.memory = memory;
    }

    /**
     * Runs every statement, in the order given as far as connections are free: the longest should come first, so
     * that the others fill the time beside it. The first failure stops the statements not yet begun and is thrown
     * once the running ones are through.
     */
    void run(List<String> statements) {
        Queue<String> queue = new ConcurrentLinkedQueue<>(statements);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (String statement = queue.poll(); statement != null && failure.get() == null;
                 statement = queue.poll()) {
                try {
                    build(statement);
                } catch (SQLException | RuntimeException e) {
                    failure.compareAndSet(null, new IllegalStateException("building failed: " + statement, e));
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(connections, statements.size()); i++) {
            helpers.add(Thread.ofPlatform().name("read-model-index-build-" + i).daemon().start(worker));
        }
        worker.run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    // The builds run on in PostgreSQL whatever happens here: wait for them, keep the interrupt.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void build(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // LOCAL: the setting ends with the transaction and never reaches the pool's next user.
                statement.execute("SET LOCAL maintenance_work_mem = '" + memory + "'");
                statement.execute(sql);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
