package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.shared.Result;
import java.util.UUID;

/** A seller stops an endpoint; events not yet delivered to it are dropped. */
public final class RemoveWebhookEndpointUseCase {

    private final WebhookEndpoints endpoints;

    public RemoveWebhookEndpointUseCase(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The id of the endpoint removed, or why not. */
    public Result<UUID, WebhookRefusal> remove(UUID sellerId, UUID endpointId) {
        return endpoints.remove(sellerId, endpointId)
                ? Result.accepted(endpointId) : Result.rejected(WebhookRefusal.NO_SUCH_ENDPOINT);
    }
}
