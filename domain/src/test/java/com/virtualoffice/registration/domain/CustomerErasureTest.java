package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.CHANGED_AT;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.SOLO;
import static com.virtualoffice.registration.domain.SellerScenario.customerDeleted;
import static com.virtualoffice.registration.domain.SellerScenario.customerErased;
import static com.virtualoffice.registration.domain.SellerScenario.customerIdFor;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegisteredThenErased;
import static com.virtualoffice.registration.domain.SellerScenario.emailChanged;
import static com.virtualoffice.registration.domain.SellerScenario.eraseCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomerAs;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.changeEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerErasureTest {

    private static final String JANE = "jane@example.com";

    @Test
    void a_live_customer_is_erased_at_the_command_instant() {
        given(sellerRegistered(SOLO), customerRegistered(JANE))
                .when(eraseCustomer(JANE))
                .thenEvents(new CustomerErased(SELLER, customerIdFor(JANE), NOW));
    }

    @Test
    void a_deleted_customer_is_erased_too_since_its_past_events_hold_its_data() {
        given(sellerRegistered(SOLO), customerRegistered(JANE), customerDeleted(JANE))
                .when(eraseCustomer(JANE))
                .thenEvents(new CustomerErased(SELLER, customerIdFor(JANE), NOW));
    }

    @Test
    void an_erased_customer_stops_counting_against_the_plan() {
        // SOLO allows one customer: the erased one's place is free again.
        UUID newcomer = UUID.fromString("c0000000-0000-4000-8000-0000000000aa");
        given(sellerRegistered(SOLO), customerRegistered(JANE), customerErased(JANE))
                .when(registerCustomerAs(newcomer, "john@example.com"))
                .thenAccepted();
    }

    @Test
    void an_erased_customers_email_registers_again() {
        UUID newcomer = UUID.fromString("c0000000-0000-4000-8000-0000000000bb");
        given(sellerRegistered(SOLO), customerRegistered(JANE), customerErased(JANE))
                .when(registerCustomerAs(newcomer, JANE))
                .thenAccepted();
    }

    @Test
    void an_erased_customer_can_no_longer_be_changed() {
        given(sellerRegistered(SOLO), customerRegistered(JANE), customerErased(JANE))
                .when(changeEmail(JANE, "jane.new@example.com"))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_history_read_back_after_erasure_leaves_the_seller_as_the_erasure_did() {
        // Once erased, the personal fields of the customer's earlier events read back as null.
        CustomerRegistered erasedRegistration = customerRegisteredThenErased(JANE);
        CustomerUpdated erasedEmailChange = new CustomerUpdated(SELLER, customerIdFor(JANE),
                emailChanged(JANE, "x@example.com").changed(), null, null, null, null, null, null, null, null, null,
                CHANGED_AT);

        SellerState state = given(sellerRegistered(SOLO), erasedRegistration, erasedEmailChange,
                customerErased(JANE)).state();

        assertThat(erasedRegistration.personalDataErased()).isTrue();
        assertThat(state.liveCustomers()).isZero();
        assertThat(state.customerHolding(new Email(JANE))).isEmpty();
    }

    @Test
    void a_registration_read_back_erased_holds_no_email_until_its_erasure_is_folded_in() {
        SellerState state = given(sellerRegistered(SOLO), customerRegisteredThenErased(JANE)).state();

        assertThat(state.holds(customerIdFor(JANE))).isTrue();
        assertThat(state.customerHolding(new Email(JANE))).isEmpty();
        assertThat(state.unconfirmedHolders(new Email(JANE))).isEmpty();
    }

    @Test
    void registering_while_the_erasure_is_decided_in_the_same_batch_sees_the_freed_place() {
        given(sellerRegistered(SOLO), customerRegistered(JANE))
                .whenTogether(eraseCustomer(JANE), registerCustomer("john@example.com"))
                .then(1).thenAccepted();
    }
}
