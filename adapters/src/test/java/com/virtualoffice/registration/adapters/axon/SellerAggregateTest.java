package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerLimit;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.Rejection.UnknownPlan;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Axon shell around the decider: events recorded on acceptance, nothing on a rejection. */
class SellerAggregateTest {

    private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant NOW = Instant.parse("2026-01-15T10:30:00.000Z");
    private static final PlanCatalog PLANS =
            plan -> Optional.ofNullable(Map.of("tiny", CustomerLimit.of(1), "free", CustomerLimit.of(10)).get(plan));

    private FixtureConfiguration<SellerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SellerAggregate.class)
                .registerInjectableResource(PLANS)
                .registerInjectableResource(new SellerSnapshots(Integer.MAX_VALUE, 0, snapshot -> {
                }, Runnable::run))
                .registerInjectableResource(new EmailRecords((seller, customer) -> Optional.empty()))
                .registerCommandTargetResolver(new SellerTargetResolver());
    }

    @Test
    void registering_a_seller_records_it_and_answers_with_the_decision() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSeller(SELLER, "Acme", "free", NOW))
                .expectEvents(new SellerRegistered(SELLER, "Acme", "free", NOW))
                .expectResultMessagePayload(
                        new Decision.Accepted(List.of(new SellerRegistered(SELLER, "Acme", "free", NOW))));
    }

    @Test
    void a_seller_on_an_unknown_plan_is_refused_and_nothing_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSeller(SELLER, "Acme", "platinum", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new UnknownPlan("platinum")));
    }

    @Test
    void an_api_key_is_recorded_by_hash_and_prefix() {
        UUID keyId = UUID.randomUUID();
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW))
                .when(new IssueApiKey(SELLER, keyId, "ci", "hash", "sk_live_abcd", null, NOW))
                .expectEvents(new ApiKeyIssued(SELLER, keyId, "ci", "hash", "sk_live_abcd", null, NOW));
    }

    @Test
    void a_customer_is_registered_while_the_plan_has_room() {
        UUID customerId = UUID.randomUUID();
        fixture.given(new SellerRegistered(SELLER, "Acme", "tiny", NOW))
                .when(new RegisterCustomer(SELLER, customerId, details("ada@example.com"), NOW))
                .expectEvents(new CustomerRegistered(SELLER, customerId, "Ada", "Lovelace", "ada@example.com", null,
                        null, Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, NOW));
    }

    @Test
    void a_customer_past_the_plan_limit_is_refused_and_nothing_is_recorded() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "tiny", NOW), registered("ada@example.com"))
                .when(new RegisterCustomer(SELLER, UUID.randomUUID(), details("bob@example.com"), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new CustomerLimitReached(1)));
    }

    @Test
    void a_taken_email_is_refused_whatever_its_letter_case() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered("ada@example.com"))
                .when(new RegisterCustomer(SELLER, UUID.randomUUID(), details("ADA@Example.com"), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new EmailAlreadyTaken()));
    }

    @Test
    void the_aggregate_state_follows_the_events() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered("ada@example.com"))
                .when(new RegisterCustomer(SELLER, UUID.randomUUID(), details("bob@example.com"), NOW))
                .expectState(seller -> {
                    assertThat(seller.state().liveCustomers()).isEqualTo(2);
                    assertThat(seller.state().customerHolding(new Email("BOB@example.com"))).isPresent();
                });
    }

    // ------------------------------------------------------------------------------ update and deletion

    private static final UUID ADA = UUID.fromString("c0000000-0000-4000-8000-0000000000ad");
    private static final UUID BOB = UUID.fromString("c0000000-0000-4000-8000-0000000000b0");

    @Test
    void an_update_records_exactly_the_changed_fields_and_answers_with_the_decision() {
        CustomerChanges changes = CustomerChanges.none()
                .withLastName("King")
                .withEmail(new Email("Ada.King@Example.com"))
                .withCompanyName(null);
        CustomerUpdated updated = new CustomerUpdated(SELLER, ADA,
                Set.of(CustomerField.LAST_NAME, CustomerField.EMAIL, CustomerField.COMPANY_NAME), null, "King",
                "Ada.King@Example.com", null, null, null, null, null, null, NOW);

        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"))
                .when(new UpdateCustomer(SELLER, ADA, changes, NOW))
                .expectEvents(updated)
                .expectResultMessagePayload(new Decision.Accepted(List.of(updated)));
    }

    @Test
    void an_update_to_the_customer_s_own_email_in_another_letter_case_is_recorded() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"),
                        registered(BOB, "bob@example.com"))
                .when(new UpdateCustomer(SELLER, ADA, CustomerChanges.none().withEmail(new Email("ADA@example.com")),
                        NOW))
                .expectEvents(new CustomerUpdated(SELLER, ADA, Set.of(CustomerField.EMAIL), null, null,
                        "ADA@example.com", null, null, null, null, null, null, NOW));
    }

    @Test
    void an_update_of_an_unknown_customer_is_refused_and_nothing_is_recorded() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"))
                .when(new UpdateCustomer(SELLER, BOB, CustomerChanges.none().withFirstName("Bob"), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new CustomerNotFound()));
    }

    @Test
    void an_update_of_a_deleted_customer_is_refused_and_nothing_is_recorded() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"),
                        new CustomerDeleted(SELLER, ADA, NOW))
                .when(new UpdateCustomer(SELLER, ADA, CustomerChanges.none().withFirstName("Ada"), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new CustomerNotFound()));
    }

    @Test
    void an_update_to_another_customer_s_email_is_refused_whatever_its_letter_case() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"),
                        registered(BOB, "bob@example.com"))
                .when(new UpdateCustomer(SELLER, ADA, CustomerChanges.none().withEmail(new Email("BOB@Example.com")),
                        NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new EmailAlreadyTaken()));
    }

    @Test
    void after_an_email_change_the_aggregate_holds_the_customer_under_the_new_email_only() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"))
                .when(new UpdateCustomer(SELLER, ADA, CustomerChanges.none().withEmail(new Email("ada2@example.com")),
                        NOW))
                .expectState(seller -> {
                    assertThat(seller.state().liveCustomers()).isEqualTo(1);
                    assertThat(seller.state().customerHolding(new Email("ADA2@example.com"))).contains(ADA);
                    assertThat(seller.state().customerHolding(new Email("ada@example.com"))).isEmpty();
                    assertThat(seller.state().knownEmailKeys()).isEqualTo(Map.of(ADA, "ada2@example.com"));
                });
    }

    @Test
    void after_an_email_change_the_old_email_can_be_registered_again() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"),
                        updatedEmail(ADA, "ada2@example.com"))
                .when(new RegisterCustomer(SELLER, BOB, details("Ada@example.com"), NOW))
                .expectEvents(new CustomerRegistered(SELLER, BOB, "Ada", "Lovelace", "Ada@example.com", null, null,
                        Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, NOW));
    }

    @Test
    void after_an_email_change_the_new_email_is_taken() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"),
                        updatedEmail(ADA, "ada2@example.com"))
                .when(new RegisterCustomer(SELLER, BOB, details("ADA2@example.com"), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new EmailAlreadyTaken()));
    }

    @Test
    void a_deletion_is_recorded_and_answered_with_the_decision() {
        CustomerDeleted deleted = new CustomerDeleted(SELLER, ADA, NOW);
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"))
                .when(new DeleteCustomer(SELLER, ADA, NOW))
                .expectEvents(deleted)
                .expectResultMessagePayload(new Decision.Accepted(List.of(deleted)))
                .expectState(seller -> {
                    assertThat(seller.state().liveCustomers()).isZero();
                    assertThat(seller.state().holds(ADA)).isFalse();
                    assertThat(seller.state().customerHolding(new Email("ada@example.com"))).isEmpty();
                    assertThat(seller.state().knownEmailKeys()).isEmpty();
                });
    }

    @Test
    void a_deletion_of_an_unknown_customer_is_refused_and_nothing_is_recorded() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"))
                .when(new DeleteCustomer(SELLER, BOB, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new CustomerNotFound()));
    }

    @Test
    void a_second_deletion_of_the_same_customer_is_refused_and_nothing_is_recorded() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW), registered(ADA, "ada@example.com"),
                        new CustomerDeleted(SELLER, ADA, NOW))
                .when(new DeleteCustomer(SELLER, ADA, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new CustomerNotFound()));
    }

    @Test
    void a_deleted_customer_frees_its_place_in_the_plan_and_its_email() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "tiny", NOW), registered(ADA, "ada@example.com"),
                        new CustomerDeleted(SELLER, ADA, NOW))
                .when(new RegisterCustomer(SELLER, BOB, details("ADA@example.com"), NOW))
                .expectEvents(new CustomerRegistered(SELLER, BOB, "Ada", "Lovelace", "ADA@example.com", null, null,
                        Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, NOW));
    }

    @Test
    void without_a_deletion_the_plan_stays_full() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "tiny", NOW), registered(ADA, "ada@example.com"),
                        updatedEmail(ADA, "ada2@example.com"))
                .when(new RegisterCustomer(SELLER, BOB, details("ada@example.com"), NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Decision.Rejected(new CustomerLimitReached(1)));
    }

    @Test
    void a_batch_decides_each_command_on_what_the_commands_before_it_left() {
        CustomerRegistered ada = new CustomerRegistered(SELLER, ADA, "Ada", "Lovelace", "ada@example.com", null,
                null, Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, NOW);
        CustomerDeleted adaGone = new CustomerDeleted(SELLER, ADA, NOW);
        CustomerRegistered bob = new CustomerRegistered(SELLER, BOB, "Ada", "Lovelace", "ADA@example.com", null,
                null, Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, NOW);
        fixture.given(new SellerRegistered(SELLER, "Acme", "free", NOW))
                .when(new SellerCommandBatch(SELLER, List.of(
                        entry(new RegisterCustomer(SELLER, ADA, details("ada@example.com"), NOW), "request-1"),
                        entry(new RegisterCustomer(SELLER, BOB, details("ADA@example.com"), NOW), "request-2"),
                        entry(new DeleteCustomer(SELLER, ADA, NOW), "request-3"),
                        entry(new RegisterCustomer(SELLER, BOB, details("ADA@example.com"), NOW), "request-4"))))
                .expectEvents(withRequest(ada, "request-1"), withRequest(adaGone, "request-3"),
                        withRequest(bob, "request-4"))
                .expectResultMessagePayload(List.of(
                        new Decision.Accepted(List.of(ada)),
                        new Decision.Rejected(new EmailAlreadyTaken()),
                        new Decision.Accepted(List.of(adaGone)),
                        new Decision.Accepted(List.of(bob))));
    }

    @Test
    void a_batch_of_refusals_records_nothing() {
        fixture.given(new SellerRegistered(SELLER, "Acme", "tiny", NOW), registered(ADA, "ada@example.com"))
                .when(new SellerCommandBatch(SELLER, List.of(
                        entry(new RegisterCustomer(SELLER, BOB, details("bob@example.com"), NOW), "request-1"),
                        entry(new DeleteCustomer(SELLER, BOB, NOW), "request-2"))))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(new Decision.Rejected(new CustomerLimitReached(1)),
                        new Decision.Rejected(new CustomerNotFound())));
    }

    private static SellerCommandBatch.Entry entry(SellerCommand command, String requestId) {
        return new SellerCommandBatch.Entry(command, Map.of(Provenance.REQUEST_ID, requestId));
    }

    /** Each event of a batch carries the provenance of the command that caused it. */
    private static EventMessage<?> withRequest(Object event, String requestId) {
        return GenericEventMessage.asEventMessage(event).withMetaData(Map.of(Provenance.REQUEST_ID, requestId));
    }

    private static CustomerRegistered registered(UUID customerId, String email) {
        return new CustomerRegistered(SELLER, customerId, "Someone", "Else", email, null, null, Language.EN,
                CustomerStatus.ACTIVE, null, null, NOW);
    }

    private static CustomerUpdated updatedEmail(UUID customerId, String email) {
        return new CustomerUpdated(SELLER, customerId, Set.of(CustomerField.EMAIL), null, null, email, null, null,
                null, null, null, null, NOW);
    }

    private static CustomerRegistered registered(String email) {
        return new CustomerRegistered(SELLER, UUID.randomUUID(), "Someone", "Else", email, null, null, Language.EN,
                CustomerStatus.ACTIVE, null, null, NOW);
    }

    private static CustomerDetails details(String email) {
        return new CustomerDetails("Ada", "Lovelace", new Email(email), null, null, Language.DE,
                CustomerStatus.ACTIVE, Address.EMPTY, null);
    }
}
