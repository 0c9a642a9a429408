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
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
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

    /** The fields an update changed, with their new values as columns: two updates never undo each other. */
    record CustomerChange(UUID id, OffsetDateTime updatedAt, Map<CustomerField, Object> changed) {
    }

    private static final RowKind.Statement<CustomerChange> CHANGES = RowKind.statement("customers",
            row -> "UPDATE customers SET updated_at = ?" + row.changed().keySet().stream()
                    .map(field -> ", " + field.key() + " = " + CustomerColumns.placeholder(field))
                    .collect(Collectors.joining()) + " WHERE id = ?",
            row -> {
                List<Object> values = new ArrayList<>();
                values.add(row.updatedAt());
                values.addAll(row.changed().values());
                values.add(row.id());
                return values;
            });

    record CustomerDeletion(UUID id, OffsetDateTime deletedAt) {
    }

    private static final RowKind.Statement<CustomerDeletion> DELETIONS = RowKind.statement("customers",
            row -> "UPDATE customers SET deleted_at = ? WHERE id = ?", row -> List.of(row.deletedAt(), row.id()));

    record CustomerErasure(UUID id, OffsetDateTime erasedAt) {
    }

    /**
     * The personal fields' columns emptied; the customer is gone for the seller from then on, as if deleted, and
     * keeps the time of its first deletion and erasure.
     */
    private static final RowKind.Statement<CustomerErasure> ERASURES = RowKind.statement("customers",
            row -> "UPDATE customers SET " + Arrays.stream(CustomerField.values()).filter(CustomerField::personal)
                    .map(field -> field.key() + " = NULL, ").collect(Collectors.joining())
                    + "deleted_at = coalesce(deleted_at, ?), erased_at = coalesce(erased_at, ?) WHERE id = ?",
            row -> List.of(row.erasedAt(), row.erasedAt(), row.id()));

    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final CustomerColumns columns;
    /** A customer as registered: its columns are the fields' own, from their one description. */
    private final RowKind.Insert<CustomerView> customers;

    CustomerTable(JdbcClient jdbc, RowWriter writes, CustomerColumns columns) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.columns = columns;
        List<RowKind.Column<CustomerView>> declared = new ArrayList<>();
        declared.add(RowKind.column("id", "uuid", CustomerView::id));
        declared.add(RowKind.column("seller_id", "uuid", CustomerView::sellerId));
        for (CustomerField field : CustomerField.values()) {
            declared.add(RowKind.column(field.key(), CustomerColumns.type(field),
                    customer -> columns.column(customer.valueOf(field))));
        }
        declared.add(RowKind.column("source", "text", CustomerView::source));
        declared.add(RowKind.column("created_at", "timestamptz", customer -> toColumn(customer.createdAt())));
        declared.add(RowKind.column("updated_at", "timestamptz", customer -> toColumn(customer.updatedAt())));
        this.customers = RowKind.insert("customers", declared);
    }

    @EventHandler
    void on(CustomerRegistered event) {
        writes.add(customers, CustomerView.evolve(null, event));
    }

    /**
     * The fold's changes of the event ({@link CustomerView#changes}), and only those columns: two updates of
     * different fields never undo each other, and the row needs no reading first.
     */
    @EventHandler
    void on(CustomerUpdated event) {
        Map<CustomerField, Object> changed = new EnumMap<>(CustomerField.class);
        CustomerView.changes(event).forEach((field, value) -> changed.put(field, columns.column(value)));
        writes.add(CHANGES, new CustomerChange(event.customerId(), toColumn(event.updatedAt()), changed));
    }

    @EventHandler
    void on(CustomerDeleted event) {
        writes.add(DELETIONS, new CustomerDeletion(event.customerId(), toColumn(event.deletedAt())));
    }

    @EventHandler
    void on(CustomerErased event) {
        writes.add(ERASURES, new CustomerErasure(event.customerId(), toColumn(event.erasedAt())));
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
