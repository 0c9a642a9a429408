package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.customers.CustomerPage;
import com.virtualoffice.registration.application.customers.CustomerQuery;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.customers.Customers;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer read model: written from the seller's events, read by the customer API. */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class CustomerTable implements Customers {

    /** What a customer view needs, and not the search text. */
    private static final String COLUMNS =
            "id, seller_id, " + CustomerColumns.NAMES + ", source, created_at, updated_at";
    private static final String FIELD_SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final CustomerColumns columns;

    CustomerTable(JdbcClient jdbc, ProjectionWrites writes, CustomerColumns columns) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.columns = columns;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        CustomerView customer = CustomerView.evolve(null, event);
        writes.sql("INSERT INTO customers (" + COLUMNS + ") VALUES (:id, :sellerId, " + CustomerColumns.PARAMETERS
                        + ", :source, :createdAt, :updatedAt)")
                .param("id", customer.id())
                .param("sellerId", customer.sellerId())
                .params(columns.write(customer.values()))
                .param("source", customer.source())
                .param("createdAt", toColumn(customer.createdAt()))
                .param("updatedAt", toColumn(customer.updatedAt()))
                .update();
    }

    /**
     * The fold's changes of the event ({@link CustomerView#changes}), and only those columns: two updates of
     * different fields never undo each other, and the row needs no reading first.
     */
    @EventHandler
    void on(CustomerUpdated event) {
        Map<CustomerField, Object> changes = CustomerView.changes(event);
        StringBuilder assignments = new StringBuilder("updated_at = :updatedAt");
        changes.keySet().forEach(field -> assignments.append(", ").append(field.key()).append(" = ")
                .append(CustomerColumns.parameter(field)));
        writes.sql("UPDATE customers SET " + assignments + " WHERE id = :id")
                .params(columns.write(changes))
                .param("updatedAt", toColumn(event.updatedAt()))
                .param("id", event.customerId())
                .update();
    }

    @EventHandler
    void on(CustomerDeleted event) {
        writes.sql("UPDATE customers SET deleted_at = :deletedAt WHERE id = :id")
                .param("deletedAt", toColumn(event.deletedAt()))
                .param("id", event.customerId())
                .update();
    }

    @Override
    public Optional<CustomerView> find(UUID sellerId, UUID customerId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM customers WHERE id = :id AND seller_id = :sellerId AND deleted_at IS NULL")
                .param("id", customerId)
                .param("sellerId", sellerId)
                .query(this::customer)
                .optional();
    }

    @Override
    public Optional<CustomerPage> list(UUID sellerId, CustomerQuery query) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sellerId", sellerId);
        values.put("limit", query.limit() + 1);
        StringBuilder where = new StringBuilder("seller_id = :sellerId AND deleted_at IS NULL");
        if (query.startingAfter().isPresent()) {
            // Deleted customers keep their row, so a cursor naming one still marks a place in the list.
            Optional<Cursor> cursor = jdbc.sql(
                            "SELECT created_at, id FROM customers WHERE id = :id AND seller_id = :sellerId")
                    .param("id", query.startingAfter().get())
                    .param("sellerId", sellerId)
                    .query((row, n) -> new Cursor(row.getObject("created_at", OffsetDateTime.class),
                            row.getObject("id", UUID.class)))
                    .optional();
            if (cursor.isEmpty()) {
                return Optional.empty();
            }
            where.append(" AND (created_at, id) < (:cursorCreatedAt, :cursorId)");
            values.put("cursorCreatedAt", cursor.get().createdAt());
            values.put("cursorId", cursor.get().id());
        }
        query.status().ifPresent(status -> {
            where.append(" AND status = :status");
            values.put("status", status.code());
        });
        query.text().ifPresent(text -> {
            // search_text joins the searched fields with U+001F; a text holding that could match across two.
            where.append(" AND search_text ILIKE :pattern");
            values.put("pattern", LikePatterns.containing(text.replace(FIELD_SEPARATOR, "")));
        });
        // An email names at most one live customer: find it by the email index first. Left to itself, the
        // planner walks the newest-first index through every customer of the seller looking for it.
        String from = "customers";
        if (query.email().isPresent()) {
            from = "(SELECT * FROM customers WHERE seller_id = :sellerId AND lower(email) = lower(:email)"
                    + " AND deleted_at IS NULL OFFSET 0) AS by_email";
            values.put("email", query.email().get());
        }
        List<CustomerView> rows = jdbc.sql("SELECT " + COLUMNS + " FROM " + from + " WHERE " + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .params(values)
                .query(this::customer)
                .list();
        boolean hasMore = rows.size() > query.limit();
        return Optional.of(new CustomerPage(hasMore ? rows.subList(0, query.limit()) : rows, hasMore));
    }

    private record Cursor(OffsetDateTime createdAt, UUID id) {
    }

    private CustomerView customer(ResultSet row, int rowNumber) throws SQLException {
        return CustomerView.of(row.getObject("id", UUID.class), row.getObject("seller_id", UUID.class),
                columns.read(row), row.getString("source"), fromColumn(row, "created_at"),
                fromColumn(row, "updated_at"));
    }
}
