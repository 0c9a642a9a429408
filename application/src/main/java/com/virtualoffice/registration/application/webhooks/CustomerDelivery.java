package com.virtualoffice.registration.application.webhooks;

import java.time.Instant;
import java.util.UUID;

/** A delivery of one of a customer's events, with the endpoint it went to and when it was enqueued. */
public record CustomerDelivery(UUID endpointId, Instant createdAt, WebhookDelivery delivery) {
}
