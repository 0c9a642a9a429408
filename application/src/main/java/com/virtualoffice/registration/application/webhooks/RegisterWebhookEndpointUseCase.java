package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.RandomTokens;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A seller subscribes a URL to event types; the signing secret is in the answer and shown never again. */
public final class RegisterWebhookEndpointUseCase {

    public static final String SECRET_PREFIX = "whsec_";
    public static final int SECRET_RANDOM_LENGTH = 32;

    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    private final WebhookEndpoints endpoints;
    private final IdSource ids;
    private final InstantSource clock;
    private final RandomGenerator secureRandom;

    public RegisterWebhookEndpointUseCase(WebhookEndpoints endpoints, IdSource ids, InstantSource clock,
                                          RandomGenerator secureRandom) {
        this.endpoints = endpoints;
        this.ids = ids;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    public Registered register(UUID sellerId, String url, List<CustomerEventType> events) {
        var endpoint = new WebhookEndpoint(ids.newId(), sellerId, url, List.copyOf(events), clock.instant());
        String secret = SECRET_PREFIX + RandomTokens.alphanumeric(secureRandom, SECRET_RANDOM_LENGTH);
        endpoints.add(endpoint, secret);
        return new Registered(endpoint, secret);
    }
}
