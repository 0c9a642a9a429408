package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.givenNothing;
import static com.virtualoffice.registration.domain.SellerScenario.issueApiKey;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;

import org.junit.jupiter.api.Test;

/** Commands other than registration reach the decider only for known sellers; anything else is a bug. */
class UnregisteredSellerTest {

    @Test
    void issuing_a_key_to_an_unregistered_seller_is_a_programming_error() {
        givenNothing()
                .when(issueApiKey())
                .thenThrows(IllegalStateException.class)
                .hasMessageContaining(SELLER.toString())
                .hasMessageContaining("not registered");
    }

    @Test
    void registering_a_customer_for_an_unregistered_seller_is_a_programming_error() {
        givenNothing()
                .when(registerCustomer("a@example.com"))
                .thenThrows(IllegalStateException.class)
                .hasMessageContaining(SELLER.toString())
                .hasMessageContaining("not registered");
    }
}
