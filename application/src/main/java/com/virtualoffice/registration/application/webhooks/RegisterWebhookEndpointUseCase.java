package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.RandomTokens;
import com.virtualoffice.registration.application.shared.Result;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A seller subscribes a URL to event types; the signing secret is in the answer and shown never again. The URL
 * must lead to the public internet ({@link WebhookDestinationPolicy}), a seller has at most
 * {@link #MAX_ENDPOINTS_PER_SELLER} endpoints, each URL once: every endpoint multiplies the deliveries of every
 * event, so the fan-out of one seller's writes stays bounded.
 */
public final class RegisterWebhookEndpointUseCase {

    public static final String SECRET_PREFIX = "whsec_";
    public static final int SECRET_RANDOM_LENGTH = 32;
    public static final int MAX_ENDPOINTS_PER_SELLER = 10;

    /** The endpoint as registered, with its signing secret. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    private final WebhookEndpoints endpoints;
    private final WebhookDestinationPolicy destinations;
    private final IdSource ids;
    private final InstantSource clock;
    private final RandomGenerator secureRandom;

    public RegisterWebhookEndpointUseCase(WebhookEndpoints endpoints, WebhookDestinationPolicy destinations,
                                          IdSource ids, InstantSource clock, RandomGenerator secureRandom) {
        this.endpoints = endpoints;
        this.destinations = destinations;
        this.ids = ids;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    public Result<Registered, WebhookRefusal> register(UUID sellerId, String url, List<CustomerEventType> events) {
        if (destinations.check(url).isEmpty()) {
            return Result.rejected(WebhookRefusal.NOT_PUBLIC);
        }
        var endpoint = new WebhookEndpoint(ids.newId(), sellerId, url, List.copyOf(events), clock.instant());
        String secret = SECRET_PREFIX + RandomTokens.alphanumeric(secureRandom, SECRET_RANDOM_LENGTH);
        return switch (endpoints.add(endpoint, secret, MAX_ENDPOINTS_PER_SELLER)) {
            case ADDED -> Result.accepted(new Registered(endpoint, secret));
            case LIMIT_REACHED -> Result.rejected(WebhookRefusal.TOO_MANY_ENDPOINTS);
            case DUPLICATE_URL -> Result.rejected(WebhookRefusal.DUPLICATE_URL);
        };
    }
}
