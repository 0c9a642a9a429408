package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.events.CustomerEventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a seller wants to be told of which events. The secret is never part of it: it is shown once. */
public record WebhookEndpoint(UUID id, UUID sellerId, String url, List<CustomerEventType> events,
                              Instant createdAt) {
}
