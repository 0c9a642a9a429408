package com.virtualoffice.registration.application.webhooks;

/** Why a webhook use case refused: the one reason type of {@code webhooks}, mapped once per driving adapter. */
public enum WebhookRefusal {
    /** The URL does not lead to the public internet ({@link WebhookDestinationPolicy}). */
    NOT_PUBLIC,
    TOO_MANY_ENDPOINTS,
    DUPLICATE_URL,
    /** The seller has no such endpoint. */
    NO_SUCH_ENDPOINT,
    /** The endpoint has no such delivery. */
    NO_SUCH_DELIVERY,
    /** Only a dead or failing delivery is sent again. */
    NOT_RETRYABLE
}
