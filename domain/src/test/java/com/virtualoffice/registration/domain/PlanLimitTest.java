package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.SOLO;
import static com.virtualoffice.registration.domain.SellerScenario.UNLIMITED;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.customersRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.numberedEmail;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.standardPlans;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerScenario.Plans;
import org.junit.jupiter.api.Test;

class PlanLimitTest {

    @Test
    void a_first_customer_is_accepted_on_a_plan_of_two() {
        given(sellerRegistered(FREE))
                .when(registerCustomer("a@example.com"))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void a_second_customer_is_accepted_on_a_plan_of_two() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"))
                .when(registerCustomer("b@example.com"))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void a_third_customer_is_refused_on_a_plan_of_two() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"), customerRegistered("b@example.com"))
                .when(registerCustomer("c@example.com"))
                .thenRejectedWith(new CustomerLimitReached(2));
    }

    @Test
    void a_second_customer_is_refused_on_a_plan_of_one() {
        given(sellerRegistered(SOLO), customerRegistered("a@example.com"))
                .when(registerCustomer("b@example.com"))
                .thenRejectedWith(new CustomerLimitReached(1));
    }

    @Test
    void a_plan_of_zero_refuses_even_the_first_customer() {
        given(sellerRegistered("closed"))
                .onPlans(new Plans().with("closed", CustomerLimit.of(0)))
                .when(registerCustomer("a@example.com"))
                .thenRejectedWith(new CustomerLimitReached(0));
    }

    @Test
    void an_unlimited_plan_lets_a_thousand_customers_through() {
        PlanCatalog plans = standardPlans();
        SellerState state = Seller.evolve(SellerState.UNREGISTERED, sellerRegistered(UNLIMITED));

        for (int i = 1; i <= 1000; i++) {
            Decision decision = Seller.decide(registerCustomer(numberedEmail(i)), state, plans);
            assertThat(decision).as("customer %d", i).isInstanceOf(Accepted.class);
            for (SellerEvent event : ((Accepted) decision).events()) {
                state = Seller.evolve(state, event);
            }
        }

        assertThat(state.liveCustomers()).isEqualTo(1000);
    }

    @Test
    void an_unlimited_plan_accepts_one_more_after_a_thousand() {
        given(sellerRegistered(UNLIMITED)).and(customersRegistered(1000))
                .when(registerCustomer("one-more@example.com"))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void the_limit_is_checked_before_email_uniqueness_when_both_apply() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"), customerRegistered("b@example.com"))
                .when(registerCustomer("A@Example.com"))
                .thenRejectedWith(new CustomerLimitReached(2));
    }

    @Test
    void on_a_full_plan_of_one_a_duplicate_email_is_reported_as_the_limit() {
        given(sellerRegistered(SOLO), customerRegistered("a@example.com"))
                .when(registerCustomer("a@example.com"))
                .thenRejectedWith(new CustomerLimitReached(1));
    }

    @Test
    void the_limit_is_read_from_the_catalog_at_decision_time() {
        Plans plans = new Plans().with(FREE, CustomerLimit.of(2));
        SellerScenario full = given(sellerRegistered(FREE)).and(customersRegistered(2)).onPlans(plans);

        full.when(registerCustomer("c@example.com")).thenRejectedWith(new CustomerLimitReached(2));

        plans.with(FREE, CustomerLimit.of(3));

        full.when(registerCustomer("c@example.com")).thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void raising_a_plan_to_unlimited_lets_the_next_customer_through() {
        Plans plans = new Plans().with(FREE, CustomerLimit.of(2));
        SellerScenario full = given(sellerRegistered(FREE)).and(customersRegistered(2)).onPlans(plans);

        plans.with(FREE, CustomerLimit.UNLIMITED);

        full.when(registerCustomer("c@example.com")).thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void lowering_a_plan_below_the_live_customers_refuses_further_customers_with_the_new_limit() {
        given(sellerRegistered(FREE)).and(customersRegistered(2))
                .onPlans(new Plans().with(FREE, CustomerLimit.of(1)))
                .when(registerCustomer("c@example.com"))
                .thenRejectedWith(new CustomerLimitReached(1));
    }

    @Test
    void a_seller_whose_plan_has_vanished_from_the_catalog_cannot_decide_on_customers() {
        given(sellerRegistered(FREE))
                .onPlans(standardPlans().without(FREE))
                .when(registerCustomer("a@example.com"))
                .thenThrows(IllegalStateException.class)
                .hasMessageContaining("'free'");
    }

    @Test
    void the_accepted_event_after_filling_to_the_limit_is_stamped_with_the_command_instant() {
        CustomerRegistered last = given(sellerRegistered(FREE), customerRegistered("a@example.com"))
                .when(registerCustomer("b@example.com"))
                .thenSingleEvent(CustomerRegistered.class);

        assertThat(last.registeredAt()).isEqualTo(NOW);
    }
}
