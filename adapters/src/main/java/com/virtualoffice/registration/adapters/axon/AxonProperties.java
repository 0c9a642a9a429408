package com.virtualoffice.registration.adapters.axon;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the event-sourced command side; the values and what they trade are documented in application.yml.
 *
 * @param snapshotThreshold events after which a seller is snapshotted at the soonest
 * @param snapshotEventsPerCustomer for a larger seller, the events between snapshots per customer it holds
 * @param sellerCacheCustomers customers, summed over the sellers kept in memory between commands, past which the
 *                             least used sellers are evicted
 * @param verifyCachedSellers whether a cached seller is checked against the event store before it decides; on
 *                            unless configured off, since without it a second instance makes wrong rejections
 * @param conflictRetries attempts after a conflicting append by another instance, before giving up
 * @param conflictBackoff pause before the first retry, doubled on each further one
 * @param eventReadBatchSize events fetched from the store per query, loading a seller or streaming for a replay
 */
@ConfigurationProperties("registration.axon")
record AxonProperties(int snapshotThreshold, double snapshotEventsPerCustomer, long sellerCacheCustomers,
                      @DefaultValue("true") boolean verifyCachedSellers, int conflictRetries,
                      Duration conflictBackoff, int eventReadBatchSize) {
}
