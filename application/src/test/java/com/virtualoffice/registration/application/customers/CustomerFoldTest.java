package com.virtualoffice.registration.application.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyRevoked;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.domain.SellerEvent.SellerPlanChanged;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link CustomerView#evolve}, the one fold of a customer's events, as a plain function: given the events so far,
 * when one more, then the customer.
 */
class CustomerFoldTest {

    private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Instant REGISTERED_AT = Instant.parse("2026-01-01T10:00:00.000Z");
    private static final Instant UPDATED_AT = Instant.parse("2026-01-02T10:00:00.000Z");
    private static final Instant LATER = Instant.parse("2026-01-03T10:00:00.000Z");
    private static final Address OFFICE = new Address("Friedrichstraße 123", "Berlin", "10117", "DE");
    private static final Address REDIRECT = new Address("Rue de Rivoli 1", "Paris", "75001", "FR");

    private static final CustomerRegistered ADA_REGISTERED = new CustomerRegistered(SELLER, CUSTOMER, "Ada",
            "Lovelace", "ada@example.com", "Analytical Engines", "Ltd", Language.EN, CustomerStatus.ACTIVE, OFFICE,
            null, REGISTERED_AT);

    private static final CustomerView ADA = new CustomerView(CUSTOMER, SELLER, "Ada", "Lovelace", "ada@example.com",
            "Analytical Engines", "Ltd", Language.EN, OFFICE, null, CustomerStatus.ACTIVE, CustomerView.SOURCE_API,
            REGISTERED_AT, REGISTERED_AT);

    private static CustomerUpdated updated(Set<CustomerField> changed, String firstName, String email,
                                           String companyName, Address postalRedirectAddress, CustomerStatus status,
                                           Instant at) {
        return new CustomerUpdated(SELLER, CUSTOMER, changed, firstName, null, email, companyName, null, null,
                status, null, postalRedirectAddress, at);
    }

    /** The customer the given events leave, folded from nothing. */
    private static Scenario given(SellerEvent... events) {
        CustomerView customer = null;
        for (SellerEvent event : events) {
            customer = CustomerView.evolve(customer, event);
        }
        return new Scenario(customer);
    }

    private record Scenario(CustomerView customer) {

        Outcome when(SellerEvent event) {
            return new Outcome(CustomerView.evolve(customer, event));
        }
    }

    private record Outcome(CustomerView customer) {

        void then(CustomerView expected) {
            assertThat(customer).isEqualTo(expected);
        }
    }

    @Test
    void given_nothing_when_registered_then_the_customer_has_the_events_fields_and_was_created_and_updated_then() {
        given().when(ADA_REGISTERED).then(ADA);
    }

    @Test
    void given_a_customer_when_some_fields_change_then_they_take_their_new_values_and_the_rest_stay() {
        given(ADA_REGISTERED)
                .when(updated(EnumSet.of(CustomerField.FIRST_NAME, CustomerField.STATUS), "Augusta", null, null,
                        null, CustomerStatus.SUSPENDED, UPDATED_AT))
                .then(new CustomerView(CUSTOMER, SELLER, "Augusta", "Lovelace", "ada@example.com",
                        "Analytical Engines", "Ltd", Language.EN, OFFICE, null, CustomerStatus.SUSPENDED,
                        CustomerView.SOURCE_API, REGISTERED_AT, UPDATED_AT));
    }

    @Test
    void given_a_customer_when_an_optional_field_changes_to_null_then_it_is_cleared_and_a_new_one_is_set() {
        given(ADA_REGISTERED)
                .when(updated(EnumSet.of(CustomerField.COMPANY_NAME, CustomerField.POSTAL_REDIRECT_ADDRESS), null,
                        null, null, REDIRECT, null, UPDATED_AT))
                .then(new CustomerView(CUSTOMER, SELLER, "Ada", "Lovelace", "ada@example.com", null, "Ltd",
                        Language.EN, OFFICE, REDIRECT, CustomerStatus.ACTIVE, CustomerView.SOURCE_API,
                        REGISTERED_AT, UPDATED_AT));
    }

    @Test
    void given_two_updates_of_different_fields_when_folded_in_order_then_neither_undoes_the_other() {
        given(ADA_REGISTERED,
                updated(EnumSet.of(CustomerField.FIRST_NAME), "Augusta", null, null, null, null, UPDATED_AT))
                .when(updated(EnumSet.of(CustomerField.EMAIL), null, "augusta@example.com", null, null, null, LATER))
                .then(new CustomerView(CUSTOMER, SELLER, "Augusta", "Lovelace", "augusta@example.com",
                        "Analytical Engines", "Ltd", Language.EN, OFFICE, null, CustomerStatus.ACTIVE,
                        CustomerView.SOURCE_API, REGISTERED_AT, LATER));
    }

    @Test
    void given_a_customer_when_deleted_then_it_stays_as_it_was_when_deleted() {
        given(ADA_REGISTERED).when(new CustomerDeleted(SELLER, CUSTOMER, LATER)).then(ADA);
    }

    @Test
    void given_a_customer_when_the_seller_has_other_news_then_the_customer_is_untouched() {
        given(ADA_REGISTERED).when(new SellerPlanChanged(SELLER, "pro", LATER)).then(ADA);
        given(ADA_REGISTERED).when(new ApiKeyRevoked(SELLER, UUID.randomUUID(), LATER)).then(ADA);
    }

    /** Every field the description lists is carried by the fold: none is forgotten, none leaks into another. */
    @ParameterizedTest
    @EnumSource(CustomerField.class)
    void given_a_customer_when_exactly_one_field_changes_then_exactly_that_field_differs(CustomerField field) {
        CustomerUpdated event = new CustomerUpdated(SELLER, CUSTOMER, Set.of(field), "Augusta", "King",
                "augusta@example.com", "Difference Engines", "plc", Language.DE, CustomerStatus.INACTIVE, REDIRECT,
                OFFICE, UPDATED_AT);

        CustomerView after = given(ADA_REGISTERED).when(event).customer();

        Map<CustomerField, Object> before = ADA.values();
        assertThat(after.valueOf(field)).isEqualTo(field.valueIn(event)).isNotEqualTo(before.get(field));
        for (CustomerField other : CustomerField.values()) {
            if (other != field) {
                assertThat(after.valueOf(other)).as("unchanged %s", other).isEqualTo(before.get(other));
            }
        }
        assertThat(CustomerView.changes(event)).isEqualTo(Map.of(field, field.valueIn(event)));
    }

    @Test
    void a_customer_is_made_again_from_its_values() {
        assertThat(CustomerView.of(CUSTOMER, SELLER, ADA.values(), CustomerView.SOURCE_API, REGISTERED_AT,
                REGISTERED_AT)).isEqualTo(ADA);
    }
}
