package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.PRO;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.changeEmail;
import static com.virtualoffice.registration.domain.SellerScenario.customerIdFor;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.deleteCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomerAs;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerScenario.Together;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Group commit's fold: commands decided together see what the earlier ones decided, as if each came alone. */
class DecideAllTest {

    private static final String JANE = "jane@example.com";
    private static final String JOHN = "john@example.com";
    private static final String MARY = "mary@example.com";

    @Test
    void the_second_of_two_registrations_meets_the_limit_the_first_reached() {
        Together together = given(sellerRegistered(FREE), customerRegistered(JANE))
                .whenTogether(registerCustomer(JOHN), registerCustomer(MARY));

        together.then(0).thenSingleEvent(SellerEvent.CustomerRegistered.class);
        together.then(1).thenRejectedWith(new CustomerLimitReached(2));
    }

    @Test
    void an_email_registered_earlier_in_the_batch_is_taken_for_the_later_ones() {
        Together together = given(sellerRegistered(PRO))
                .whenTogether(registerCustomer(JANE), registerCustomerAs(UUID.randomUUID(), "JANE@example.com"));

        together.then(0).thenSingleEvent(SellerEvent.CustomerRegistered.class);
        together.then(1).thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void a_deletion_earlier_in_the_batch_frees_the_email_and_the_room_for_a_later_registration() {
        UUID newcomer = UUID.randomUUID();
        Together together = given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN))
                .whenTogether(deleteCustomer(JANE), registerCustomerAs(newcomer, JANE));

        together.then(0).thenEvents(new CustomerDeleted(SELLER, customerIdFor(JANE), NOW));
        assertThat(together.then(1).thenSingleEvent(SellerEvent.CustomerRegistered.class).customerId())
                .isEqualTo(newcomer);
    }

    @Test
    void an_email_changed_earlier_in_the_batch_is_free_under_its_old_spelling_and_taken_under_its_new() {
        Together together = given(sellerRegistered(PRO), customerRegistered(JANE))
                .whenTogether(changeEmail(JANE, MARY), registerCustomerAs(UUID.randomUUID(), MARY),
                        registerCustomerAs(UUID.randomUUID(), JANE));

        together.then(0).thenSingleEvent(SellerEvent.CustomerUpdated.class);
        together.then(1).thenRejectedWith(new EmailAlreadyTaken());
        together.then(2).thenSingleEvent(SellerEvent.CustomerRegistered.class);
    }

    @Test
    void a_refused_command_leaves_nothing_behind_for_the_next() {
        Together together = given(sellerRegistered(FREE), customerRegistered(JANE))
                .whenTogether(registerCustomerAs(UUID.randomUUID(), JANE), registerCustomer(JOHN));

        together.then(0).thenRejectedWith(new EmailAlreadyTaken());
        together.then(1).thenSingleEvent(SellerEvent.CustomerRegistered.class);
    }

    @Test
    void a_customer_deleted_earlier_in_the_batch_is_not_found_by_a_later_deletion() {
        Together together = given(sellerRegistered(FREE), customerRegistered(JANE))
                .whenTogether(deleteCustomer(JANE), deleteCustomer(JANE));

        together.then(0).thenSingleEvent(CustomerDeleted.class);
        together.then(1).thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void the_state_handed_back_is_the_state_after_every_accepted_event() {
        Together together = given(sellerRegistered(FREE), customerRegistered(JANE))
                .whenTogether(deleteCustomer(JANE), registerCustomer(JOHN), registerCustomer(MARY));

        assertThat(together.state().liveCustomers()).isEqualTo(2);
        assertThat(together.state().holds(customerIdFor(JANE))).isFalse();
        assertThat(together.state().customerHolding(new Email(MARY))).contains(customerIdFor(MARY));
    }

    @Test
    void each_decision_is_the_one_the_command_would_get_alone_after_the_accepted_ones_before_it() {
        List<SellerEvent> history = new ArrayList<>(List.of(sellerRegistered(FREE), customerRegistered(JANE)));
        List<SellerCommand> commands = List.of(registerCustomer(JOHN), registerCustomer(MARY), deleteCustomer(JOHN),
                registerCustomer(MARY), changeEmail(JANE, JOHN), deleteCustomer(JOHN));

        Together together = given(history.toArray(SellerEvent[]::new))
                .whenTogether(commands.toArray(SellerCommand[]::new));

        for (int i = 0; i < commands.size(); i++) {
            Decision alone = given(history.toArray(SellerEvent[]::new)).when(commands.get(i)).decision();
            assertThat(together.then(i).decision()).as("decision %d, %s", i, commands.get(i)).isEqualTo(alone);
            if (alone instanceof Accepted accepted) {
                history.addAll(accepted.events());
            }
        }
    }

    @Test
    void a_command_for_a_seller_never_registered_fails_the_whole_batch() {
        assertThatIllegalStateException().isThrownBy(() -> Seller.decideAll(List.of(Presented.withoutKey(registerCustomer(JANE))),
                SellerState.UNREGISTERED, SellerScenario.standardPlans()));
    }
}
