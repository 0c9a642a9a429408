package com.virtualoffice.registration.application.events;

import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.shared.Provenance;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Something that happened to a customer, as subscribers and auditors see it.
 *
 * @param eventId the stored event's own id: stable, so a subscriber can de-duplicate by it
 * @param sequence the event's position in its seller's stream
 * @param customer the customer after the event; for a deletion, as it was when deleted
 * @param provenance who caused it, through which request
 */
public record CustomerEvent(UUID eventId, UUID sellerId, long sequence, UUID customerId, CustomerEventType type,
                            Instant occurredAt, Provenance provenance, CustomerView customer) {

    private static final String PREFIX = "evt_";
    private static final Pattern PUBLIC_ID = Pattern.compile(PREFIX + "[0-9a-f]{32}");

    /** {@code evt_} and the event's UUID in 32 hex digits. */
    public String publicId() {
        return publicId(eventId);
    }

    public static String publicId(UUID eventId) {
        return PREFIX + eventId.toString().replace("-", "");
    }

    public static Optional<UUID> fromPublicId(String publicId) {
        if (publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
            return Optional.empty();
        }
        byte[] bytes = HexFormat.of().parseHex(publicId.substring(PREFIX.length()));
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return Optional.of(new UUID(most, least));
    }
}
