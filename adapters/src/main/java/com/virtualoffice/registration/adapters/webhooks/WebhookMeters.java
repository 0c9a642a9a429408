package com.virtualoffice.registration.adapters.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code registration_webhook_deliveries_total} by outcome (delivered, failed: to be retried, dead: given up), and
 * the backlog: {@code registration_webhook_backlog}, deliveries waiting to be sent or retried, and
 * {@code registration_webhook_oldest_pending_seconds}, the age of the oldest of them. The backlog is counted in
 * PostgreSQL when scraped, at most once a second whatever the number of scrapers; while the database is out of
 * reach both gauges are absent (NaN) rather than a stale figure.
 */
final class WebhookMeters implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final InstantSource clock;
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private volatile Backlog backlog = new Backlog(Double.NaN, Double.NaN, Instant.MIN);

    private record Backlog(double deliveries, double oldestSeconds, Instant countedAt) {
    }

    WebhookMeters(JdbcClient jdbc, InstantSource clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String outcome : new String[] {"delivered", "failed", "dead"}) {
            deliveries.put(outcome, Counter.builder("registration.webhook.deliveries")
                    .description("Webhook delivery attempts, by outcome")
                    .tag("outcome", outcome)
                    .register(registry));
        }
        Gauge.builder("registration.webhook.backlog", this, meters -> meters.backlog().deliveries())
                .description("Webhook deliveries waiting to be sent or retried")
                .register(registry);
        Gauge.builder("registration.webhook.oldest.pending.seconds", this, meters -> meters.backlog().oldestSeconds())
                .description("Age of the oldest webhook delivery waiting to be sent or retried, 0 when none is")
                .register(registry);
    }

    /** An attempt ended: delivered, failed (to be retried) or dead (given up). */
    void attempted(String outcome) {
        Counter counter = deliveries.get(outcome);
        if (counter != null) {
            counter.increment();
        }
    }

    private Backlog backlog() {
        Instant now = clock.instant();
        Backlog last = backlog;
        if (last.countedAt().plus(FRESH_FOR).isAfter(now)) {
            return last;
        }
        synchronized (this) {
            if (backlog.countedAt().plus(FRESH_FOR).isAfter(now)) {
                return backlog;
            }
            try {
                backlog = jdbc.sql("""
                                SELECT count(*) AS waiting, min(created_at) AS oldest FROM webhook_deliveries
                                WHERE status IN ('pending', 'failed')
                                """)
                        .query((row, n) -> {
                            OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                            double age = oldest == null ? 0
                                    : Math.max(Duration.between(oldest.toInstant(), now).toMillis(), 0) / 1000.0;
                            return new Backlog(row.getLong("waiting"), age, now);
                        })
                        .single();
            } catch (RuntimeException unreachable) {
                backlog = new Backlog(Double.NaN, Double.NaN, now);
            }
            return backlog;
        }
    }
}
