package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.RandomTokens;
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

    public sealed interface Outcome {

        record Registered(WebhookEndpoint endpoint, String secret) implements Outcome {
        }

        record Refused(Reason reason) implements Outcome {
        }
    }

    public enum Reason { NOT_PUBLIC, TOO_MANY_ENDPOINTS, DUPLICATE_URL }

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

    public Outcome register(UUID sellerId, String url, List<CustomerEventType> events) {
        if (destinations.check(url).isEmpty()) {
            return new Outcome.Refused(Reason.NOT_PUBLIC);
        }
        var endpoint = new WebhookEndpoint(ids.newId(), sellerId, url, List.copyOf(events), clock.instant());
        String secret = SECRET_PREFIX + RandomTokens.alphanumeric(secureRandom, SECRET_RANDOM_LENGTH);
        return switch (endpoints.add(endpoint, secret, MAX_ENDPOINTS_PER_SELLER)) {
            case ADDED -> new Outcome.Registered(endpoint, secret);
            case LIMIT_REACHED -> new Outcome.Refused(Reason.TOO_MANY_ENDPOINTS);
            case DUPLICATE_URL -> new Outcome.Refused(Reason.DUPLICATE_URL);
        };
    }
}
