package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.customers.CustomerPage;
import com.virtualoffice.registration.application.customers.CustomerQuery;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.customers.Customers;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer read model: written from the seller's events, read by the customer API. */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class CustomerTable implements Customers {

    /** What a customer view needs, and not the search text. */
    private static final String COLUMNS = "id, seller_id, first_name, last_name, email, company_name, legal_entity,"
            + " language, address_data, postal_redirect_address, status, source, created_at, updated_at";
    private static final String FIELD_SEPARATOR = "\u001f";
    private static final Set<String> JSONB_COLUMNS = Set.of("address_data", "postal_redirect_address");

    /** A customer as registered, with its addresses as JSON. */
    record CustomerRow(CustomerView customer, String address, String postalRedirectAddress) {
    }

    private static final RowKind.Insert<CustomerRow> CUSTOMERS = RowKind.insert("customers", List.of(
            RowKind.column("id", "uuid", row -> row.customer().id()),
            RowKind.column("seller_id", "uuid", row -> row.customer().sellerId()),
            RowKind.column("first_name", "text", row -> row.customer().firstName()),
            RowKind.column("last_name", "text", row -> row.customer().lastName()),
            RowKind.column("email", "text", row -> row.customer().email()),
            RowKind.column("company_name", "text", row -> row.customer().companyName()),
            RowKind.column("legal_entity", "text", row -> row.customer().legalEntity()),
            RowKind.column("language", "text", row -> row.customer().language().code()),
            RowKind.column("address_data", "jsonb", CustomerRow::address),
            RowKind.column("postal_redirect_address", "jsonb", CustomerRow::postalRedirectAddress),
            RowKind.column("status", "text", row -> row.customer().status().code()),
            RowKind.column("source", "text", row -> row.customer().source()),
            RowKind.column("created_at", "timestamptz", row -> toColumn(row.customer().createdAt())),
            RowKind.column("updated_at", "timestamptz", row -> toColumn(row.customer().updatedAt()))));

    /** The columns an update changed, by name, with their new values: two updates never undo each other. */
    record CustomerChange(UUID id, OffsetDateTime updatedAt, Map<String, Object> changed) {
    }

    private static final RowKind.Statement<CustomerChange> CHANGES = RowKind.statement("customers",
            row -> "UPDATE customers SET updated_at = ?" + row.changed().keySet().stream()
                    .map(column -> ", " + column + " = " + (JSONB_COLUMNS.contains(column) ? "CAST(? AS JSONB)" : "?"))
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

    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final AddressJson addresses;

    CustomerTable(JdbcClient jdbc, RowWriter writes, AddressJson addresses) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.addresses = addresses;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        CustomerView customer = CustomerView.registered(event);
        writes.add(CUSTOMERS, new CustomerRow(customer, addresses.write(customer.address()),
                addresses.write(customer.postalRedirectAddress())));
    }

    /** Only the changed columns are written: two updates of different fields never undo each other. */
    @EventHandler
    void on(CustomerUpdated event) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CustomerField field : event.changed()) {
            switch (field) {
                case FIRST_NAME -> values.put("first_name", event.firstName());
                case LAST_NAME -> values.put("last_name", event.lastName());
                case EMAIL -> values.put("email", event.email());
                case COMPANY_NAME -> values.put("company_name", event.companyName());
                case LEGAL_ENTITY -> values.put("legal_entity", event.legalEntity());
                case LANGUAGE -> values.put("language", event.language().code());
                case STATUS -> values.put("status", event.status().code());
                case ADDRESS -> values.put("address_data", addresses.write(event.address()));
                case POSTAL_REDIRECT_ADDRESS ->
                        values.put("postal_redirect_address", addresses.write(event.postalRedirectAddress()));
            }
        }
        writes.add(CHANGES, new CustomerChange(event.customerId(), toColumn(event.updatedAt()), values));
    }

    @EventHandler
    void on(CustomerDeleted event) {
        writes.add(DELETIONS, new CustomerDeletion(event.customerId(), toColumn(event.deletedAt())));
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
        return new CustomerView(
                row.getObject("id", UUID.class),
                row.getObject("seller_id", UUID.class),
                row.getString("first_name"),
                row.getString("last_name"),
                row.getString("email"),
                row.getString("company_name"),
                row.getString("legal_entity"),
                Language.fromCode(row.getString("language")).orElseThrow(),
                addresses.read(row.getString("address_data")),
                addresses.read(row.getString("postal_redirect_address")),
                CustomerStatus.fromCode(row.getString("status")).orElseThrow(),
                row.getString("source"),
                fromColumn(row, "created_at"),
                fromColumn(row, "updated_at"));
    }
}
