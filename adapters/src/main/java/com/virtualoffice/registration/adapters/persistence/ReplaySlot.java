package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.application.projections.ReplayUnderWay;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One replay at a time, of whichever projection: they all rebuild in the same schema, and each takes the machine.
 * In this process a slot names the projection replaying; across instances an advisory lock does the same.
 */
final class ReplaySlot {

    /** Any fixed number no other advisory lock of this database uses. */
    private static final long REPLAY_LOCK = 0x7265_706c_6179L;

    private final AtomicReference<String> holder = new AtomicReference<>();
    private final DataSource dataSource;

    ReplaySlot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean take(String projection) {
        return holder.compareAndSet(null, projection);
    }

    void release(String projection) {
        holder.compareAndSet(projection, null);
    }

    boolean heldBy(String projection) {
        return projection.equals(holder.get());
    }

    /**
     * Runs the replay holding the advisory lock, on a connection of its own for the whole run, or fails at once
     * when another instance holds it.
     */
    <T> T acrossInstances(Supplier<T> replay) {
        try (Connection guard = dataSource.getConnection()) {
            if (!advisoryLock(guard, "pg_try_advisory_lock")) {
                throw new ReplayUnderWay("a replay is under way on another instance");
            }
            try {
                return replay.get();
            } finally {
                advisoryLock(guard, "pg_advisory_unlock");
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not take the replay lock", failure);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, REPLAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
