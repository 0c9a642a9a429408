package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.PRO;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.UNLIMITED;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.givenNothing;
import static com.virtualoffice.registration.domain.SellerScenario.registerSeller;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Rejection.SellerAlreadyRegistered;
import com.virtualoffice.registration.domain.Rejection.UnknownPlan;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.util.List;
import org.junit.jupiter.api.Test;

class SellerRegistrationTest {

    @Test
    void a_new_seller_on_a_known_plan_is_registered_at_the_instant_the_command_was_issued() {
        givenNothing()
                .when(registerSeller(FREE))
                .thenEvents(new SellerRegistered(SELLER, "Acme Virtual Offices", FREE, NOW));
    }

    @Test
    void a_seller_may_register_on_an_unlimited_plan() {
        givenNothing()
                .when(registerSeller(UNLIMITED))
                .thenEvents(new SellerRegistered(SELLER, "Acme Virtual Offices", UNLIMITED, NOW));
    }

    @Test
    void a_seller_cannot_register_twice() {
        given(sellerRegistered(FREE))
                .when(registerSeller(PRO))
                .thenRejectedWith(new SellerAlreadyRegistered());
    }

    @Test
    void a_seller_cannot_register_twice_even_on_the_same_plan() {
        given(sellerRegistered(FREE))
                .when(registerSeller(FREE))
                .thenRejectedWith(new SellerAlreadyRegistered());
    }

    @Test
    void a_registered_seller_with_customers_cannot_register_again() {
        given(sellerRegistered(FREE), customerRegistered("a@example.com"))
                .when(registerSeller(FREE))
                .thenRejectedWith(new SellerAlreadyRegistered());
    }

    @Test
    void a_seller_cannot_register_on_a_plan_the_catalog_does_not_know() {
        givenNothing()
                .when(registerSeller("platinum"))
                .thenRejectedWith(new UnknownPlan("platinum"));
    }

    @Test
    void plan_names_are_matched_exactly() {
        givenNothing()
                .when(registerSeller("Free"))
                .thenRejectedWith(new UnknownPlan("Free"));
    }

    @Test
    void being_already_registered_is_reported_before_an_unknown_plan() {
        given(sellerRegistered(FREE))
                .when(registerSeller("platinum"))
                .thenRejectedWith(new SellerAlreadyRegistered());
    }

    @Test
    void a_registered_seller_remembers_its_id_and_plan_and_starts_without_customers() {
        SellerState state = stateAfter(List.of(sellerRegistered(PRO)));

        assertThat(state.isRegistered()).isTrue();
        assertThat(state.sellerId()).isEqualTo(SELLER);
        assertThat(state.plan()).isEqualTo(PRO);
        assertThat(state.liveCustomers()).isZero();
    }

    @Test
    void before_any_event_a_seller_is_unregistered() {
        assertThat(stateAfter(List.of()).isRegistered()).isFalse();
        assertThat(SellerState.UNREGISTERED.liveCustomers()).isZero();
    }
}
