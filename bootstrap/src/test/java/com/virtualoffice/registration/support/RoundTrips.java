package com.virtualoffice.registration.support;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts each committed transaction's round trips to PostgreSQL through a proxy around the service's DataSource:
 * every execute (a JDBC batch, which pgjdbc pipelines, counts once; a prepared statement names its SQL through
 * the driver's own description of it) and the COMMIT. The driver sends BEGIN with
 * the transaction's first statement, so it costs no round trip of its own and is not counted.
 */
public final class RoundTrips {

    private final Map<String, List<String>> open = new ConcurrentHashMap<>();
    private final Queue<Transaction> committed = new ConcurrentLinkedQueue<>();
    /** Every round trip since the last {@link #clear()}, in or out of a transaction, with the thread that made it. */
    private final Queue<RoundTrip> all = new ConcurrentLinkedQueue<>();

    public record RoundTrip(String thread, String sql) {
    }

    /** One committed transaction: its statements in order, then COMMIT. */
    public record Transaction(List<String> roundTrips) {

        public boolean writes(String table) {
            return roundTrips.stream().anyMatch(sql -> sql.contains("INSERT INTO " + table));
        }

        @Override
        public String toString() {
            return roundTrips.size() + " round trips:\n" + roundTrips.stream()
                    .map(sql -> "  " + sql.replaceAll("\\s+", " ")).collect(Collectors.joining("\n"));
        }
    }

    /** Wraps the DataSource of a service started with this among its sources; {@link RoundTrips} is a bean. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Counting {

        @Bean
        RoundTrips roundTrips() {
            return new RoundTrips();
        }

        @Bean
        static BeanPostProcessor countingDataSource(ObjectProvider<RoundTrips> roundTrips) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    RoundTrips counter = roundTrips.getObject();
                    return ProxyDataSourceBuilder.create(dataSource).afterMethod(counter::called).build();
                }
            };
        }
    }

    private void called(MethodExecutionContext call) {
        if (call.getConnectionInfo() == null || call.getThrown() != null) {
            return;
        }
        String connection = call.getConnectionInfo().getConnectionId();
        switch (call.getMethod().getName()) {
            case "execute", "executeQuery", "executeUpdate", "executeBatch", "executeLargeUpdate",
                 "executeLargeBatch" -> {
                String statement = call.getMethod().getName() + ": " + (call.getMethodArgs() != null
                        && call.getMethodArgs().length > 0 ? call.getMethodArgs()[0] : call.getTarget());
                open.computeIfAbsent(connection, id -> new ArrayList<>()).add(statement);
                all.add(new RoundTrip(Thread.currentThread().getName(), statement));
            }
            case "commit" -> {
                all.add(new RoundTrip(Thread.currentThread().getName(), "COMMIT"));
                List<String> statements = open.remove(connection);
                List<String> roundTrips = new ArrayList<>(statements == null ? List.of() : statements);
                roundTrips.add("COMMIT");
                committed.add(new Transaction(List.copyOf(roundTrips)));
            }
            // A transaction starts afresh; statements run in autocommit before it are not its own.
            case "setAutoCommit", "rollback", "close" -> {
                if (call.getTarget() instanceof Connection) {
                    open.remove(connection);
                }
            }
            default -> {
            }
        }
    }

    /** Forgets every transaction seen so far. */
    public void clear() {
        committed.clear();
        all.clear();
    }

    /** The round trips made since the last {@link #clear()} by threads whose names start with one of these. */
    public List<RoundTrip> madeBy(String... threadNamePrefixes) {
        return all.stream()
                .filter(trip -> Arrays.stream(threadNamePrefixes).anyMatch(trip.thread()::startsWith))
                .toList();
    }

    /** Every round trip since the last {@link #clear()}, for a failure's message. */
    public String allSeen() {
        return all.stream().map(trip -> trip.thread() + ": " + trip.sql().replaceAll("\\s+", " "))
                .collect(Collectors.joining("\n"));
    }

    /** Every committed transaction seen since the last {@link #clear()}, for a failure's message. */
    public String seen() {
        return committed.stream().map(Transaction::toString).collect(Collectors.joining("\n"));
    }

    /** The committed transactions that inserted into the table, in commit order. */
    public List<Transaction> writing(String table) {
        return committed.stream().filter(transaction -> transaction.writes(table)).toList();
    }
}
