package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.customers.Customers;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The customer read model: written from the seller's events, read by the customer API. */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class CustomerTable implements Customers {

    private final JdbcClient jdbc;
    private final AddressJson addresses;

    CustomerTable(JdbcClient jdbc, AddressJson addresses) {
        this.jdbc = jdbc;
        this.addresses = addresses;
    }

    @EventHandler
    void on(CustomerRegistered event) {
        CustomerView customer = CustomerView.registered(event);
        jdbc.sql("""
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

    @Override
    public Optional<CustomerView> find(UUID sellerId, UUID customerId) {
        return jdbc.sql("SELECT * FROM customers WHERE id = :id AND seller_id = :sellerId")
                .param("id", customerId)
                .param("sellerId", sellerId)
                .query(this::customer)
                .optional();
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
