package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.events.CustomerEvent;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.events.CustomerEvents;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Every customer event with the customer as it stood after it: the audit history, the customer at any past
 * instant, and the event feed. Each row is derived from its event and the customer's previous row only, so a
 * rebuild produces the same rows.
 */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class CustomerEventTable implements CustomerEvents {

    private static final String COLUMNS = "event_id, seller_id, sequence_number, customer_id, type, occurred_at,"
            + " actor_type, api_key_id, api_key_prefix, request_id, client_request_id, customer";

    /** One event of a customer, with who caused it (as the event's metadata says) and the customer it left. */
    record CustomerEventRow(UUID eventId, long sequence, CustomerEventType type, OffsetDateTime occurredAt,
                            MetaData metaData, CustomerView customer) {

        String provenance(String key) {
            Object value = metaData.get(key);
            return value == null ? null : value.toString();
        }
    }

    /**
     * One stored event of a customer with the customer it left, rewritten without the personal data. Found by the
     * customer's index, which a rebuild keeps while it replays (the primary key comes at its end).
     */
    record ErasedRow(UUID customerId, long sequence, String customer) {
    }

    private static final RowKind.Statement<ErasedRow> ERASED_ROWS = RowKind.statement("customer_events",
            row -> "UPDATE customer_events SET customer = CAST(? AS jsonb)"
                    + " WHERE customer_id = ? AND sequence_number = ?",
            row -> List.of(row.customer(), row.customerId(), row.sequence()));

    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final ObjectMapper json;
    private final RowKind.Insert<CustomerEventRow> events;

    CustomerEventTable(JdbcClient jdbc, RowWriter writes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
        this.events = RowKind.insert("customer_events", List.of(
                RowKind.column("event_id", "uuid", CustomerEventRow::eventId),
                RowKind.column("seller_id", "uuid", row -> row.customer().sellerId()),
                RowKind.column("sequence_number", "bigint", CustomerEventRow::sequence),
                RowKind.column("customer_id", "uuid", row -> row.customer().id()),
                RowKind.column("type", "text", row -> row.type().code()),
                RowKind.column("occurred_at", "timestamptz", CustomerEventRow::occurredAt),
                RowKind.column("actor_type", "text", row -> row.provenance(Provenance.ACTOR_TYPE)),
                RowKind.column("api_key_id", "uuid", row -> row.provenance(Provenance.API_KEY_ID)),
                RowKind.column("api_key_prefix", "text", row -> row.provenance(Provenance.API_KEY_PREFIX)),
                RowKind.column("request_id", "text", row -> row.provenance(Provenance.REQUEST_ID)),
                RowKind.column("client_request_id", "text", row -> row.provenance(Provenance.CLIENT_REQUEST_ID)),
                RowKind.column("customer", "jsonb", row -> json.writeValueAsString(row.customer()))));
    }

    @EventHandler
    void on(CustomerRegistered event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(message, sequence, CustomerEventType.CREATED, CustomerView.evolve(null, event), event.registeredAt());
    }

    @EventHandler
    void on(CustomerUpdated event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(message, sequence, CustomerEventType.UPDATED,
                CustomerView.evolve(current(event.sellerId(), event.customerId()), event), event.updatedAt());
    }

    @EventHandler
    void on(CustomerDeleted event, EventMessage<?> message, @SequenceNumber long sequence) {
        record(message, sequence, CustomerEventType.DELETED,
                CustomerView.evolve(current(event.sellerId(), event.customerId()), event), event.deletedAt());
    }

    /**
     * Every earlier row of the customer is rewritten with its personal fields {@code null}, and the erasure
     * recorded after them: the history keeps its skeleton (types, times, actors, requests) and nothing else of
     * the person. The rows this transaction wrote are sent first so that they are rewritten too; erasures are
     * rare, so the extra round trip is no cost worth avoiding.
     */
    @EventHandler
    void on(CustomerErased event, EventMessage<?> message, @SequenceNumber long sequence) {
        writes.flush();
        jdbc.sql("SELECT sequence_number, customer FROM customer_events WHERE customer_id = :customerId"
                        + " AND seller_id = :sellerId ORDER BY sequence_number")
                .param("customerId", event.customerId())
                .param("sellerId", event.sellerId())
                .query((row, n) -> new ErasedRow(event.customerId(), row.getLong("sequence_number"),
                        json.writeValueAsString(json.readValue(row.getString("customer"), CustomerView.class)
                                .erased())))
                .list()
                .forEach(row -> writes.add(ERASED_ROWS, row));
        record(message, sequence, CustomerEventType.ERASED,
                CustomerView.evolve(current(event.sellerId(), event.customerId()), event), event.erasedAt());
    }

    @Override
    public Optional<CustomerEvent> last(UUID sellerId, UUID customerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_events WHERE customer_id = :customerId"
                        + " AND seller_id = :sellerId ORDER BY sequence_number DESC LIMIT 1")
                .param("customerId", customerId)
                .param("sellerId", sellerId)
                .query(this::event)
                .optional();
    }

    @Override
    public Optional<CustomerEvent> find(UUID eventId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_events WHERE event_id = :eventId")
                .param("eventId", eventId)
                .query(this::event)
                .optional();
    }

    @Override
    public Optional<List<CustomerEvent>> ofCustomer(UUID sellerId, UUID customerId, Optional<UUID> from,
                                                    int count) {
        long first = 0;
        if (from.isPresent()) {
            Optional<Long> position = jdbc.sql("SELECT sequence_number FROM customer_events"
                            + " WHERE event_id = :eventId AND seller_id = :sellerId AND customer_id = :customerId")
                    .param("eventId", from.get())
                    .param("sellerId", sellerId)
                    .param("customerId", customerId)
                    .query(Long.class)
                    .optional();
            if (position.isEmpty()) {
                return Optional.empty();
            }
            first = position.get();
        }
        return Optional.of(jdbc.sql("SELECT " + COLUMNS + " FROM customer_events WHERE customer_id = :customerId"
                        + " AND seller_id = :sellerId AND sequence_number >= :first ORDER BY sequence_number"
                        + " LIMIT :count")
                .param("customerId", customerId)
                .param("sellerId", sellerId)
                .param("first", first)
                .param("count", count)
                .query(this::event)
                .list());
    }

    @Override
    public Optional<CustomerEvent> lastAt(UUID sellerId, UUID customerId, Instant instant) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_events WHERE customer_id = :customerId"
                        + " AND seller_id = :sellerId AND occurred_at <= :instant"
                        + " ORDER BY sequence_number DESC LIMIT 1")
                .param("customerId", customerId)
                .param("sellerId", sellerId)
                .param("instant", toColumn(instant))
                .query(this::event)
                .optional();
    }

    @Override
    public Optional<EventPage> ofSeller(UUID sellerId, Optional<UUID> startingAfter, int limit) {
        return page(sellerId, startingAfter, limit, Order.OLDEST_FIRST);
    }

    @Override
    public Optional<EventPage> ofSellerNewestFirst(UUID sellerId, Optional<UUID> startingAfter, int limit) {
        return page(sellerId, startingAfter, limit, Order.NEWEST_FIRST);
    }

    /** The two directions of a seller's stream: each continues past its cursor, on the same index. */
    private enum Order {
        OLDEST_FIRST(">", "", -1),
        NEWEST_FIRST("<", " DESC", Long.MAX_VALUE);

        final String past;
        final String direction;
        final long start;

        Order(String past, String direction, long start) {
            this.past = past;
            this.direction = direction;
            this.start = start;
        }
    }

    private Optional<EventPage> page(UUID sellerId, Optional<UUID> startingAfter, int limit, Order order) {
        long cursor = order.start;
        if (startingAfter.isPresent()) {
            Optional<Long> position = jdbc.sql("SELECT sequence_number FROM customer_events"
                            + " WHERE event_id = :eventId AND seller_id = :sellerId")
                    .param("eventId", startingAfter.get())
                    .param("sellerId", sellerId)
                    .query(Long.class)
                    .optional();
            if (position.isEmpty()) {
                return Optional.empty();
            }
            cursor = position.get();
        }
        List<CustomerEvent> events = jdbc.sql("SELECT " + COLUMNS + " FROM customer_events"
                        + " WHERE seller_id = :sellerId AND sequence_number " + order.past + " :cursor"
                        + " ORDER BY sequence_number" + order.direction + " LIMIT :limit")
                .param("sellerId", sellerId)
                .param("cursor", cursor)
                .param("limit", limit + 1)
                .query(this::event)
                .list();
        boolean hasMore = events.size() > limit;
        return Optional.of(new EventPage(hasMore ? events.subList(0, limit) : events, hasMore));
    }

    /** The customer as its last event left it: written by this transaction, or else stored. */
    private CustomerView current(UUID sellerId, UUID customerId) {
        Optional<CustomerEventRow> written =
                writes.waiting(events, row -> row.customer().id().equals(customerId));
        if (written.isPresent()) {
            return written.get().customer();
        }
        return jdbc.sql("SELECT customer FROM customer_events WHERE customer_id = :customerId"
                        + " AND seller_id = :sellerId ORDER BY sequence_number DESC LIMIT 1")
                .param("customerId", customerId)
                .param("sellerId", sellerId)
                .query((row, n) -> json.readValue(row.getString("customer"), CustomerView.class))
                .optional()
                .orElseThrow(() -> new IllegalStateException("no earlier event of customer " + customerId));
    }

    /**
     * The time is the one the event carries, in whole milliseconds, never the message's own timestamp: that one
     * is finer when live and coarser when read back from the store, so a rebuild would change it.
     */
    private void record(EventMessage<?> message, long sequence, CustomerEventType type, CustomerView customer,
                        Instant occurredAt) {
        writes.add(events, new CustomerEventRow(UUID.fromString(message.getIdentifier()), sequence, type,
                toColumn(occurredAt), message.getMetaData(), customer));
    }

    private CustomerEvent event(ResultSet row, int rowNumber) throws SQLException {
        Provenance provenance = new Provenance(Provenance.ActorType.fromCode(row.getString("actor_type")),
                row.getObject("api_key_id", UUID.class), row.getString("api_key_prefix"),
                row.getString("request_id"), row.getString("client_request_id"));
        return new CustomerEvent(row.getObject("event_id", UUID.class), row.getObject("seller_id", UUID.class),
                row.getLong("sequence_number"), row.getObject("customer_id", UUID.class),
                CustomerEventType.fromCode(row.getString("type")),
                fromColumn(row, "occurred_at"), provenance,
                json.readValue(row.getString("customer"), CustomerView.class));
    }
}
