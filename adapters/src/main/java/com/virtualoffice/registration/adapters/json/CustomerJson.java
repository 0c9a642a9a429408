package com.virtualoffice.registration.adapters.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.domain.Address;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** The customer object of the contract: these fields, in this order, with absent values as null. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonPropertyOrder({"id", "seller_id", "first_name", "last_name", "email", "company_name", "legal_entity",
        "language", "address_data", "postal_redirect_address", "status", "source", "created_at", "updated_at"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CustomerJson(String id, String sellerId, String firstName, String lastName, String email,
                    String companyName, String legalEntity, String language, AddressJson addressData,
                    AddressJson postalRedirectAddress, String status, String source, String createdAt,
                    String updatedAt) {

    /** Only the parts the client sent, in the contract's order; no parts at all is {@code {}}. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"street", "city", "postal_code", "country"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddressJson(String street, String city, String postalCode, String country) {

        public static AddressJson of(Address address) {
            return address == null
                    ? null
                    : new AddressJson(address.street(), address.city(), address.postalCode(), address.country());
        }
    }

    public static CustomerJson of(CustomerView customer) {
        return new CustomerJson(customer.id().toString(), customer.sellerId().toString(), customer.firstName(),
                customer.lastName(), customer.email(), customer.companyName(), customer.legalEntity(),
                customer.language().code(), AddressJson.of(customer.address()),
                AddressJson.of(customer.postalRedirectAddress()), customer.status().code(), customer.source(),
                JsonTimestamps.format(customer.createdAt()), JsonTimestamps.format(customer.updatedAt()));
    }
}
