package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.OTHER_SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.PRO;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.SOLO;
import static com.virtualoffice.registration.domain.SellerScenario.customerIdFor;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerRegistrationTest {

    private static final Address OFFICE = new Address("Friedrichstraße 123", "Berlin", "10117", "DE");
    private static final Address REDIRECT = new Address("Rue de Rivoli 1", "Paris", "75001", "FR");

    @Test
    void an_accepted_customer_is_recorded_with_every_detail_exactly_as_given_at_the_command_instant() {
        UUID customerId = UUID.fromString("c0000000-0000-4000-8000-000000000042");
        CustomerDetails details = new CustomerDetails("Jane", "O'Brien", new Email("Jane.OBrien@Example.COM"),
                "O'Brien Consulting", "GmbH", Language.EN, CustomerStatus.SUSPENDED, OFFICE, REDIRECT);

        given(sellerRegistered(FREE))
                .when(new RegisterCustomer(SELLER, customerId, details, NOW))
                .thenEvents(new CustomerRegistered(SELLER, customerId, "Jane", "O'Brien",
                        "Jane.OBrien@Example.COM", "O'Brien Consulting", "GmbH", Language.EN,
                        CustomerStatus.SUSPENDED, OFFICE, REDIRECT, NOW));
    }

    @Test
    void absent_optional_details_stay_absent_and_an_empty_address_stays_empty() {
        UUID customerId = UUID.randomUUID();
        CustomerDetails details = new CustomerDetails("Max", "Mustermann", new Email("max@example.de"),
                null, null, Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null);

        CustomerRegistered registered = given(sellerRegistered(FREE))
                .when(new RegisterCustomer(SELLER, customerId, details, NOW))
                .thenSingleEvent(CustomerRegistered.class);

        assertThat(registered.companyName()).isNull();
        assertThat(registered.legalEntity()).isNull();
        assertThat(registered.address()).isEqualTo(Address.EMPTY);
        assertThat(registered.postalRedirectAddress()).isNull();
    }

    @Test
    void a_customer_is_registered_at_the_command_instant_not_the_seller_registration_instant() {
        CustomerRegistered registered = given(sellerRegistered(FREE))
                .when(registerCustomer("a@example.com"))
                .thenSingleEvent(CustomerRegistered.class);

        assertThat(registered.registeredAt()).isEqualTo(NOW);
        assertThat(registered.sellerId()).isEqualTo(SELLER);
        assertThat(registered.customerId()).isEqualTo(customerIdFor("a@example.com"));
    }

    @Test
    void the_email_is_recorded_as_written_not_as_its_uniqueness_key() {
        CustomerRegistered registered = given(sellerRegistered(FREE))
                .when(registerCustomer("Mixed.Case@Example.com"))
                .thenSingleEvent(CustomerRegistered.class);

        assertThat(registered.email()).isEqualTo("Mixed.Case@Example.com");
    }

    @Test
    void a_second_customer_with_a_different_email_is_accepted() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"))
                .when(registerCustomer("b@example.com"))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void an_email_already_held_by_a_customer_of_the_seller_is_refused() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"))
                .when(registerCustomer("a@example.com"))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void emails_that_differ_only_in_letter_case_are_the_same_email() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"))
                .when(registerCustomer("A@Example.com"))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void letter_case_is_ignored_whichever_way_round_it_differs() {
        given(sellerRegistered(PRO), customerRegistered("John.Doe@EXAMPLE.com"))
                .when(registerCustomer("john.doe@example.COM"))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void an_email_is_taken_even_when_the_holder_was_registered_long_before_other_customers() {
        given(sellerRegistered(PRO), customerRegistered("first@example.com"),
                customerRegistered("second@example.com"), customerRegistered("third@example.com"))
                .when(registerCustomer("FIRST@example.com"))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void an_email_held_by_a_customer_of_another_seller_does_not_matter() {
        // The other seller's history is a separate stream folded into a separate state: it holds the email there...
        SellerState other = given(sellerRegistered(OTHER_SELLER, SOLO),
                customerRegistered(OTHER_SELLER, "a@example.com")).state();
        assertThat(other.customerHolding(new Email("a@example.com"))).isPresent();

        // ...and never reaches this seller's decision.
        given(sellerRegistered(SELLER, SOLO))
                .when(registerCustomer(SELLER, "a@example.com"))
                .thenEvents(customerRegisteredNow(SELLER, "a@example.com"));
    }

    @Test
    void two_sellers_may_each_have_a_customer_with_the_same_email() {
        given(sellerRegistered(OTHER_SELLER, FREE), customerRegistered(OTHER_SELLER, "shared@example.com"))
                .when(registerCustomer(OTHER_SELLER, "Shared@Example.com"))
                .thenRejectedWith(new EmailAlreadyTaken());

        given(sellerRegistered(SELLER, FREE))
                .when(registerCustomer(SELLER, "Shared@Example.com"))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void deciding_records_nothing_until_the_events_are_folded_in() {
        SellerScenario scenario = given(sellerRegistered(FREE));
        SellerState state = scenario.state();

        Seller.decide(registerCustomer("a@example.com"), state, SellerScenario.standardPlans());

        assertThat(state.liveCustomers()).isZero();
        assertThat(state.customerHolding(new Email("a@example.com"))).isEmpty();
    }

    @Test
    void a_folded_customer_holds_its_email_under_the_case_insensitive_key() {
        SellerState state = given(sellerRegistered(FREE), customerRegistered("Jane@Example.com")).state();

        assertThat(state.liveCustomers()).isEqualTo(1);
        assertThat(state.customerHolding(new Email("jane@example.COM")))
                .contains(customerIdFor("Jane@Example.com"));
    }

    private static CustomerRegistered customerRegisteredNow(UUID seller, String email) {
        return new CustomerRegistered(seller, customerIdFor(email), "Max", "Mustermann", email, null, null,
                Language.DE, CustomerStatus.ACTIVE, null, null, NOW);
    }
}
