package com.virtualoffice.registration.application.webhooks;

import java.time.Instant;
import java.util.UUID;

/** One event on its way to one endpoint. */
public record WebhookDelivery(UUID id, UUID eventId, Status status, int attempts, Instant lastAttemptAt,
                              Integer lastStatusCode) {

    public enum Status {
        /** Not attempted yet. */
        PENDING("pending"),
        SUCCEEDED("succeeded"),
        /** Attempted without success; it will be tried again. */
        FAILED("failed"),
        /** Given up on after the retry period; only a seller's retry sends it again. */
        DEAD("dead");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
