package com.virtualoffice.registration.application.webhooks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A seller sees what was delivered to an endpoint, dead letters included. */
public final class WebhookDeliveriesUseCase {

    private final WebhookEndpoints endpoints;
    private final int pageSize;

    public WebhookDeliveriesUseCase(WebhookEndpoints endpoints, int pageSize) {
        this.endpoints = endpoints;
        this.pageSize = pageSize;
    }

    public Optional<List<WebhookDelivery>> deliveries(UUID sellerId, UUID endpointId) {
        return endpoints.deliveries(sellerId, endpointId, pageSize);
    }
}
