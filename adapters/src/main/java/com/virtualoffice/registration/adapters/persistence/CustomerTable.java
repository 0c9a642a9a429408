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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final AddressJson addresses;

    CustomerTable(JdbcClient jdbc, ProjectionWrites writes, AddressJson addresses) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.addresses = addresses;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        CustomerView customer = CustomerView.registered(event);
        writes.sql("""
                        INSERT INTO customers (id, seller_id, first_name, last_name, email, company_name,
                            legal_entity, language, address_data, postal_redirect_address, status, source,
                            created_at, updated_at)
                        VALUES (:id, :sellerId, :firstName, :lastName, :email, :companyName, :legalEntity,
                            :language, CAST(:address AS JSONB), CAST(:postalRedirectAddress AS JSONB), :status,
                            :source, :createdAt, :updatedAt)
                        """)
                .param("id", customer.id())
                .param("sellerId", customer.sellerId())
                .param("firstName", customer.firstName())
                .param("lastName", customer.lastName())
                .param("email", customer.email())
                .param("companyName", customer.companyName())
                .param("legalEntity", customer.legalEntity())
                .param("language", customer.language().code())
                .param("address", addresses.write(customer.address()))
                .param("postalRedirectAddress", addresses.write(customer.postalRedirectAddress()))
                .param("status", customer.status().code())
                .param("source", customer.source())
                .param("createdAt", toColumn(customer.createdAt()))
                .param("updatedAt", toColumn(customer.updatedAt()))
                .update();
    }

    /** Only the changed columns are written: two updates of different fields never undo each other. */
    @EventHandler
    void on(CustomerUpdated event) {
        Map<String, Object> values = new LinkedHashMap<>();
        StringBuilder assignments = new StringBuilder("updated_at = :updatedAt");
        values.put("updatedAt", toColumn(event.updatedAt()));
        for (CustomerField field : event.changed()) {
            String column = switch (field) {
                case FIRST_NAME -> put(values, "first_name", event.firstName());
                case LAST_NAME -> put(values, "last_name", event.lastName());
                case EMAIL -> put(values, "email", event.email());
                case COMPANY_NAME -> put(values, "company_name", event.companyName());
                case LEGAL_ENTITY -> put(values, "legal_entity", event.legalEntity());
                case LANGUAGE -> put(values, "language", event.language().code());
                case STATUS -> put(values, "status", event.status().code());
                case ADDRESS -> put(values, "address_data", addresses.write(event.address()));
                case POSTAL_REDIRECT_ADDRESS ->
                        put(values, "postal_redirect_address", addresses.write(event.postalRedirectAddress()));
            };
            assignments.append(", ").append(column).append(" = ")
                    .append(JSONB_COLUMNS.contains(column) ? "CAST(:" + column + " AS JSONB)" : ":" + column);
        }
        values.put("id", event.customerId());
        writes.sql("UPDATE customers SET " + assignments + " WHERE id = :id").params(values).update();
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

    private static String put(Map<String, Object> values, String column, Object value) {
        values.put(column, value);
        return column;
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
