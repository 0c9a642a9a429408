package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.OTHER_SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.PRO;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.SOLO;
import static com.virtualoffice.registration.domain.SellerScenario.changeEmail;
import static com.virtualoffice.registration.domain.SellerScenario.customerDeleted;
import static com.virtualoffice.registration.domain.SellerScenario.customerIdFor;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.customersRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.deleteCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.emailChanged;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.givenNothing;
import static com.virtualoffice.registration.domain.SellerScenario.numberedEmail;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomerAs;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.updateCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerDeletionTest {

    private static final String JANE = "jane@example.com";
    private static final String JOHN = "john@example.com";

    // ------------------------------------------------------------------------------------------- accepted

    @Test
    void a_live_customer_is_deleted_at_the_command_instant() {
        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(deleteCustomer(JANE))
                .thenEvents(new CustomerDeleted(SELLER, customerIdFor(JANE), NOW));
    }

    @Test
    void a_customer_can_be_deleted_after_its_email_changed() {
        given(sellerRegistered(FREE), customerRegistered(JANE), emailChanged(JANE, "jane.new@example.com"))
                .when(deleteCustomer(JANE))
                .thenEvents(new CustomerDeleted(SELLER, customerIdFor(JANE), NOW));
    }

    @Test
    void deleting_one_customer_leaves_the_others_alone() {
        SellerState state = given(sellerRegistered(PRO), customerRegistered(JANE), customerRegistered(JOHN),
                customerDeleted(JANE)).state();

        assertThat(state.liveCustomers()).isEqualTo(1);
        assertThat(state.holds(customerIdFor(JANE))).isFalse();
        assertThat(state.holds(customerIdFor(JOHN))).isTrue();
        assertThat(state.customers().asMap()).containsOnly(Map.entry(customerIdFor(JOHN), CustomerIndex.hashOf(JOHN)));
        assertThat(state.customerHolding(new Email(JANE))).isEmpty();
    }

    @Test
    void deciding_a_deletion_changes_nothing_until_the_event_is_folded_in() {
        SellerState state = given(sellerRegistered(FREE), customerRegistered(JANE)).state();

        Seller.decide(deleteCustomer(JANE), state, SellerScenario.standardPlans());

        assertThat(state.holds(customerIdFor(JANE))).isTrue();
        assertThat(state.liveCustomers()).isEqualTo(1);
    }

    // ----------------------------------------------------------------------------------- unknown customers

    @Test
    void a_customer_never_registered_is_not_found() {
        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(deleteCustomer(UUID.fromString("c0000000-0000-4000-8000-0000000000ff")))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_seller_without_customers_finds_none() {
        given(sellerRegistered(FREE))
                .when(deleteCustomer(JANE))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_deleted_customer_is_not_found() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerDeleted(JANE))
                .when(deleteCustomer(JANE))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_deleted_customer_cannot_be_updated() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerDeleted(JANE))
                .when(updateCustomer(JANE, CustomerChanges.none().withLastName("Doe")))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void deleting_twice_finds_the_customer_only_the_first_time() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE));

        List<SellerEvent> first = scenario.when(deleteCustomer(JANE)).thenAccepted();
        scenario.and(first);

        scenario.when(deleteCustomer(JANE)).thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_customer_of_another_seller_is_unknown_here() {
        UUID othersCustomer = customerIdFor("theirs@example.com");
        SellerState other = given(sellerRegistered(OTHER_SELLER, FREE),
                customerRegistered(OTHER_SELLER, "theirs@example.com")).state();
        assertThat(other.holds(othersCustomer)).isTrue();

        given(sellerRegistered(SELLER, FREE), customerRegistered(SELLER, JANE))
                .when(deleteCustomer(othersCustomer))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void deleting_a_customer_of_an_unregistered_seller_is_a_programming_error() {
        givenNothing()
                .when(deleteCustomer(JANE))
                .thenThrows(IllegalStateException.class)
                .hasMessageContaining(SELLER.toString())
                .hasMessageContaining("not registered");
    }

    // ---------------------------------------------------------------------------------- the email is freed

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "Jane@Example.com", "JANE@EXAMPLE.COM"})
    void after_a_deletion_the_email_is_free_again_in_any_letter_case(String email) {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerDeleted(JANE))
                .when(registerCustomerAs(UUID.fromString("c0000000-0000-4000-8000-000000000002"), email))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void after_a_deletion_another_customer_may_change_to_the_freed_email() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN), customerDeleted(JANE))
                .when(changeEmail(JOHN, "Jane@example.com"))
                .thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void after_a_deletion_the_other_customers_emails_stay_taken() {
        given(sellerRegistered(PRO), customerRegistered(JANE), customerRegistered(JOHN), customerDeleted(JANE))
                .when(registerCustomer("JOHN@example.com"))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void deleting_a_customer_whose_email_changed_frees_the_new_email_and_leaves_the_old_one_free() {
        SellerScenario scenario = given(sellerRegistered(PRO), customerRegistered(JANE),
                emailChanged(JANE, "jane.new@example.com"), customerDeleted(JANE));

        assertThat(scenario.state().liveCustomers()).isZero();
        assertThat(scenario.state().customers().asMap()).isEmpty();
        assertThat(scenario.state().knownEmailKeys()).isEmpty();
        scenario.when(registerCustomer("jane.new@example.com")).thenSingleEvent(CustomerRegistered.class);
        scenario.when(registerCustomerAs(UUID.randomUUID(), JANE)).thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void a_new_customer_with_a_deleted_customer_s_email_is_a_different_customer() {
        UUID newcomer = UUID.fromString("c0000000-0000-4000-8000-000000000002");
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE), customerDeleted(JANE));
        scenario.and(scenario.when(registerCustomerAs(newcomer, JANE)).thenAccepted());

        scenario.when(deleteCustomer(JANE)).thenRejectedWith(new CustomerNotFound());
        scenario.when(deleteCustomer(newcomer)).thenEvents(new CustomerDeleted(SELLER, newcomer, NOW));
    }

    // -------------------------------------------------------------------------------- the plan has room

    @Test
    void a_deleted_customer_no_longer_counts_against_the_plan_limit() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN));
        scenario.when(registerCustomer("third@example.com")).thenRejectedWith(new CustomerLimitReached(2));

        scenario.and(scenario.when(deleteCustomer(JANE)).thenAccepted());
        assertThat(scenario.state().liveCustomers()).isEqualTo(1);

        scenario.and(scenario.when(registerCustomer("third@example.com")).thenAccepted());
        assertThat(scenario.state().liveCustomers()).isEqualTo(2);

        scenario.when(registerCustomer("fourth@example.com")).thenRejectedWith(new CustomerLimitReached(2));
    }

    @Test
    void on_a_plan_of_one_the_only_customer_can_be_replaced_after_deleting_it() {
        given(sellerRegistered(SOLO), customerRegistered(JANE), customerDeleted(JANE))
                .when(registerCustomer(JOHN))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void a_refused_deletion_frees_no_room() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN));

        scenario.when(deleteCustomer(UUID.randomUUID())).thenRejectedWith(new CustomerNotFound());

        scenario.when(registerCustomer("third@example.com")).thenRejectedWith(new CustomerLimitReached(2));
    }

    @Test
    void deleting_every_customer_of_a_full_plan_makes_room_for_as_many_again() {
        SellerScenario scenario = given(sellerRegistered(FREE)).and(customersRegistered(2))
                .and(customerDeleted(numberedEmail(1)), customerDeleted(numberedEmail(2)));
        assertThat(scenario.state().liveCustomers()).isZero();

        scenario.and(scenario.when(registerCustomer(numberedEmail(3))).thenAccepted());
        scenario.and(scenario.when(registerCustomer(numberedEmail(4))).thenAccepted());
        scenario.when(registerCustomer(numberedEmail(5))).thenRejectedWith(new CustomerLimitReached(2));
    }
}
