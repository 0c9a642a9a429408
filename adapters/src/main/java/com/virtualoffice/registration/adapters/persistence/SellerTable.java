package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.sellers.SellerPage;
import com.virtualoffice.registration.application.sellers.SellerQuery;
import com.virtualoffice.registration.application.sellers.SellerView;
import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.SellerPlanChanged;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The seller read model for operators. Limits are not stored: they follow the plan's current configuration. */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class SellerTable implements Sellers {

    /**
     * A seller with its keys in use and its webhook deliveries in trouble, counted when asked: both change with
     * every request, and only operators look. Deliveries to removed endpoints are no longer tried, so they do
     * not count; the partial index on troubled deliveries keeps the counts to the few rows that are.
     */
    private static final String SELECT = """
            SELECT s.*,
                   (SELECT count(*) FROM api_keys k WHERE k.seller_id = s.id AND k.revoked_at IS NULL
                        AND (k.expires_at IS NULL OR k.expires_at > :now)) AS active_api_keys,
                   (SELECT count(*) FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                        WHERE d.seller_id = s.id AND d.status = 'failed' AND e.deleted_at IS NULL)
                        AS failing_webhook_deliveries,
                   (SELECT count(*) FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
                        WHERE d.seller_id = s.id AND d.status = 'dead' AND e.deleted_at IS NULL)
                        AS dead_webhook_deliveries
            FROM sellers s""";

    /** A seller as registered; the customers it gains and loses are counted by {@link CustomerCountChange}. */
    record SellerRow(UUID id, String name, String plan, OffsetDateTime registeredAt) {
    }

    private static final RowKind.Insert<SellerRow> SELLERS = RowKind.insert("sellers", List.of(
            RowKind.column("id", "uuid", SellerRow::id),
            RowKind.column("name", "text", SellerRow::name),
            RowKind.column("plan", "text", SellerRow::plan),
            RowKind.column("customer_count", "integer", row -> 0),
            RowKind.column("created_at", "timestamptz", SellerRow::registeredAt),
            RowKind.column("updated_at", "timestamptz", SellerRow::registeredAt)));

    record PlanChange(UUID id, String plan, OffsetDateTime changedAt) {
    }

    private static final RowKind.Statement<PlanChange> PLAN_CHANGES = RowKind.statement("sellers",
            row -> "UPDATE sellers SET plan = ?, updated_at = ? WHERE id = ?",
            row -> List.of(row.plan(), row.changedAt(), row.id()));

    /**
     * A seller's change of customers. One UPDATE per seller and transaction, however many customers it gains or
     * loses in it: a replay chunk of a thousand registrations with four sellers would otherwise send a thousand
     * UPDATEs of four rows, each leaving a row version the next one steps over. Later changes join the one waiting
     * for the first, earlier than their own place: nothing else writes customer_count, and a seller's row is
     * inserted before any event of its customers. Written with the create's other rows, it costs no round trip
     * of its own.
     */
    record CustomerCountChange(UUID sellerId, int change) {
    }

    private static final RowKind.Statement<CustomerCountChange> CUSTOMER_COUNTS = RowKind.statement("sellers",
                    row -> "UPDATE sellers SET customer_count = customer_count + ? WHERE id = ?",
                    (CustomerCountChange row) -> List.of(row.change(), row.sellerId()))
            .merging(CustomerCountChange::sellerId,
                    (waiting, more) -> new CustomerCountChange(waiting.sellerId(), waiting.change() + more.change()));

    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final PlanCatalog plans;
    private final InstantSource clock;

    SellerTable(JdbcClient jdbc, RowWriter writes, PlanCatalog plans, InstantSource clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.plans = plans;
        this.clock = clock;
    }

    @EventHandler
    void on(SellerRegistered event) {
        writes.add(SELLERS, new SellerRow(event.sellerId(), event.name(), event.plan(),
                toColumn(event.registeredAt())));
    }

    @EventHandler
    void on(SellerPlanChanged event) {
        writes.add(PLAN_CHANGES, new PlanChange(event.sellerId(), event.plan(), toColumn(event.changedAt())));
    }

    @EventHandler
    void on(CustomerRegistered event) {
        writes.add(CUSTOMER_COUNTS, new CustomerCountChange(event.sellerId(), 1));
    }

    @EventHandler
    void on(CustomerDeleted event) {
        writes.add(CUSTOMER_COUNTS, new CustomerCountChange(event.sellerId(), -1));
    }

    /**
     * An erased customer stops counting if it was live: its event before the erasure was not a deletion (or an
     * earlier erasure, should two have raced). That event is read by its place in the seller's stream, so neither
     * the order of the projections within the transaction nor a rebuild changes the answer; the rows this
     * transaction wrote are sent first.
     */
    @EventHandler
    void on(CustomerErased event, @SequenceNumber long sequence) {
        writes.flush();
        boolean live = jdbc.sql("SELECT type FROM customer_events WHERE customer_id = :customerId"
                        + " AND seller_id = :sellerId AND sequence_number < :sequence"
                        + " ORDER BY sequence_number DESC LIMIT 1")
                .param("customerId", event.customerId())
                .param("sellerId", event.sellerId())
                .param("sequence", sequence)
                .query(String.class)
                .optional()
                .filter(type -> !CustomerEventType.fromCode(type).ends())
                .isPresent();
        if (live) {
            writes.add(CUSTOMER_COUNTS, new CustomerCountChange(event.sellerId(), -1));
        }
    }

    @Override
    public Optional<SellerView> find(UUID sellerId) {
        return jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", sellerId)
                .param("now", toColumn(clock.instant()))
                .query(this::seller)
                .optional();
    }

    @Override
    public Optional<SellerPage> list(SellerQuery query) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("now", toColumn(clock.instant()));
        values.put("limit", query.limit() + 1);
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (query.startingAfter().isPresent()) {
            Optional<OffsetDateTime> cursor = jdbc.sql("SELECT created_at FROM sellers WHERE id = :id")
                    .param("id", query.startingAfter().get())
                    .query(OffsetDateTime.class)
                    .optional();
            if (cursor.isEmpty()) {
                return Optional.empty();
            }
            where.append(" AND (s.created_at, s.id) < (:cursorCreatedAt, :cursorId)");
            values.put("cursorCreatedAt", cursor.get());
            values.put("cursorId", query.startingAfter().get());
        }
        query.text().ifPresent(text -> {
            where.append(" AND s.name ILIKE :pattern");
            values.put("pattern", LikePatterns.containing(text));
        });
        query.plan().ifPresent(plan -> {
            where.append(" AND s.plan = :plan");
            values.put("plan", plan);
        });
        List<SellerView> rows = jdbc.sql(SELECT + where + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit")
                .params(values)
                .query(this::seller)
                .list();
        boolean hasMore = rows.size() > query.limit();
        return Optional.of(new SellerPage(hasMore ? rows.subList(0, query.limit()) : rows, hasMore));
    }

    @Override
    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM sellers)").query(Boolean.class).single();
    }

    private SellerView seller(ResultSet row, int rowNumber) throws SQLException {
        String plan = row.getString("plan");
        return new SellerView(
                row.getObject("id", UUID.class),
                row.getString("name"),
                plan,
                plans.limitOf(plan).orElseThrow(() -> new IllegalStateException("plan " + plan + " is not configured")),
                row.getInt("customer_count"),
                row.getInt("active_api_keys"),
                row.getInt("failing_webhook_deliveries"),
                row.getInt("dead_webhook_deliveries"),
                fromColumn(row, "created_at"),
                fromColumn(row, "updated_at"));
    }
}
