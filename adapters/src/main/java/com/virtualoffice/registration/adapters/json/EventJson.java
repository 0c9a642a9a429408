package com.virtualoffice.registration.adapters.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.application.events.CustomerEvent;
import com.virtualoffice.registration.application.events.CustomerEvents.EventPage;
import com.virtualoffice.registration.application.events.FieldChange;
import com.virtualoffice.registration.application.events.HistoryEntry;
import com.virtualoffice.registration.application.shared.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** The event object subscribers receive, and the entries of a customer's history. */
public final class EventJson {

    private EventJson() {
    }

    /** {@code {"id": "evt_…", "type": "customer.created", "created_at", "seller_id", "data": {"customer"}}}. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "type", "created_at", "seller_id", "data"})
    public record Event(String id, String type, String createdAt, String sellerId, Data data) {

        public static Event of(CustomerEvent event) {
            return new Event(event.publicId(), event.type().code(), JsonTimestamps.format(event.occurredAt()),
                    event.sellerId().toString(), new Data(CustomerJson.of(event.customer())));
        }
    }

    public record Data(CustomerJson customer) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"data", "has_more"})
    public record Page(List<Event> data, boolean hasMore) {

        public static Page of(EventPage page) {
            return new Page(page.events().stream().map(Event::of).toList(), page.hasMore());
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "type", "created_at", "actor", "request_id", "client_request_id", "erased",
            "changes"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HistoryItem(String id, String type, String createdAt, Actor actor, String requestId,
                              String clientRequestId, boolean erased, Map<String, Change> changes) {

        public static HistoryItem of(HistoryEntry entry) {
            CustomerEvent event = entry.event();
            Provenance provenance = event.provenance();
            Map<String, Change> changes = new LinkedHashMap<>();
            entry.changes().forEach((field, change) -> changes.put(field.key(), Change.of(change)));
            return new HistoryItem(event.publicId(), event.type().code(), JsonTimestamps.format(event.occurredAt()),
                    Actor.of(provenance), provenance.requestId(), provenance.clientRequestId(),
                    event.customer().personalDataErased(), changes);
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"type", "api_key_id", "api_key_prefix"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actor(String type, String apiKeyId, String apiKeyPrefix) {

        static Actor of(Provenance provenance) {
            return new Actor(provenance.actorType().code(),
                    provenance.apiKeyId() == null ? null : provenance.apiKeyId().toString(),
                    provenance.apiKeyPrefix());
        }
    }

    /** An event as operators review it: who did what to which customer, when, through which request. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "type", "created_at", "actor", "request_id", "data"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ActivityItem(String id, String type, String createdAt, Actor actor, String requestId, Data data) {

        public static ActivityItem of(CustomerEvent event) {
            return new ActivityItem(event.publicId(), event.type().code(), JsonTimestamps.format(event.occurredAt()),
                    Actor.of(event.provenance()), event.provenance().requestId(),
                    new Data(CustomerJson.of(event.customer())));
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"data", "has_more"})
    public record ActivityPage(List<ActivityItem> data, boolean hasMore) {

        public static ActivityPage of(EventPage page) {
            return new ActivityPage(page.events().stream().map(ActivityItem::of).toList(), page.hasMore());
        }
    }

    @JsonPropertyOrder({"from", "to"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(Object from, Object to) {

        public static Change of(FieldChange change) {
            return new Change(CustomerJson.value(change.from()), CustomerJson.value(change.to()));
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"data", "has_more"})
    public record HistoryPage(List<HistoryItem> data, boolean hasMore) {
    }
}
