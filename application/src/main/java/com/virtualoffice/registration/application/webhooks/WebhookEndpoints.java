package com.virtualoffice.registration.application.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sellers' webhook endpoints and what was delivered to them. */
public interface WebhookEndpoints {

    enum AddResult { ADDED, LIMIT_REACHED, DUPLICATE_URL }

    /** Adds the endpoint unless the seller already has {@code maxPerSeller} of them, or one with its URL. */
    AddResult add(WebhookEndpoint endpoint, String secret, int maxPerSeller);

    List<WebhookEndpoint> ofSeller(UUID sellerId);

    /** Whether the seller had that endpoint; its undelivered events are dropped with it. */
    boolean remove(UUID sellerId, UUID endpointId);

    /** The endpoint's deliveries, newest first; empty when the seller has no such endpoint. */
    Optional<List<WebhookDelivery>> deliveries(UUID sellerId, UUID endpointId, int limit);

    /** Every delivery of the customer's events, to any of the seller's endpoints (removed ones too), oldest first. */
    List<CustomerDelivery> deliveriesOfCustomer(UUID sellerId, UUID customerId);

    enum RetryResult { SCHEDULED, NOT_FOUND, NOT_RETRYABLE }

    /** Sends a dead (or failing) delivery again as soon as possible. */
    RetryResult retry(UUID sellerId, UUID endpointId, UUID deliveryId);
}
