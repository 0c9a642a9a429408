package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.PRO;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.standardPlans;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The state keeps a 64-bit hash of each email; these settle what a hash hit means. A state restored from a
 * snapshot knows no exact email, as after a restart; {@code confirm} is what the shell learns from the record.
 * Two real emails of one hash are not to be found, so a collision is staged: a customer indexed under the hash of
 * one email while its record says another.
 */
class EmailHashHitTest {

    private static final UUID HOLDER = UUID.fromString("c0000000-0000-4000-8000-0000000000aa");
    private static final String EMAIL = "ada@example.com";

    @Test
    void a_hash_hit_on_a_holder_whose_exact_email_is_unknown_counts_as_taken() {
        SellerState state = restoredWithHolderOf(EMAIL);

        assertThat(state.unconfirmedHolders(new Email(EMAIL))).containsExactly(HOLDER);
        assertThat(Seller.decide(registerCustomer("ADA@example.com"), state, standardPlans()))
                .isEqualTo(new Rejected(new EmailAlreadyTaken()));
    }

    @Test
    void a_hash_hit_confirmed_as_the_same_email_letter_case_aside_is_taken() {
        SellerState state = restoredWithHolderOf(EMAIL);

        state.confirm(HOLDER, "Ada@Example.com");

        assertThat(state.unconfirmedHolders(new Email(EMAIL))).isEmpty();
        assertThat(Seller.decide(registerCustomer("ADA@example.com"), state, standardPlans()))
                .isEqualTo(new Rejected(new EmailAlreadyTaken()));
    }

    @Test
    void a_hash_hit_on_a_holder_of_another_exact_email_is_no_duplicate() {
        SellerState state = restoredWithHolderOf(EMAIL);

        state.confirm(HOLDER, "someone.else@example.com"); // the staged collision

        assertThat(state.customerHolding(new Email(EMAIL))).isEmpty();
        assertThat(Seller.decide(registerCustomer(EMAIL), state, standardPlans())).isInstanceOf(Accepted.class);
    }

    @Test
    void confirming_a_customer_the_seller_does_not_hold_teaches_nothing() {
        SellerState state = restoredWithHolderOf(EMAIL);

        state.confirm(UUID.randomUUID(), EMAIL);

        assertThat(state.knownEmailKeys()).isEmpty();
    }

    @Test
    void the_most_recent_customers_are_known_exactly_and_older_ones_by_hash_only() {
        SellerState state = SellerState.registered(SELLER, PRO);
        for (int i = 0; i <= SellerState.RECENT_EMAILS; i++) {
            state.withCustomer(new UUID(0, i), "c" + i + "@example.com");
        }

        assertThat(state.knownEmailKeys()).hasSize(SellerState.RECENT_EMAILS).doesNotContainKey(new UUID(0, 0));
        assertThat(state.unconfirmedHolders(new Email("c0@example.com"))).containsExactly(new UUID(0, 0));
        assertThat(state.unconfirmedHolders(new Email("c1@example.com"))).isEmpty();
        assertThat(state.customerHolding(new Email("C0@example.com"))).contains(new UUID(0, 0));
    }

    private static SellerState restoredWithHolderOf(String email) {
        CustomerIndex customers = CustomerIndex.empty();
        customers.put(HOLDER, CustomerIndex.hashOf(Email.keyOf(email)));
        return SellerState.restored(SELLER, PRO, customers, new HashMap<>());
    }
}
