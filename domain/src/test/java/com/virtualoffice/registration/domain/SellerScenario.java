package com.virtualoffice.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import com.virtualoffice.registration.domain.SellerCommand.EraseCustomer;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Given events / when command / then events-or-rejection, for the pure {@link Seller} decider.
 *
 * <p>State is always rebuilt by folding the given events with {@link Seller#evolve} from
 * {@link SellerState#UNREGISTERED}; a fresh state is built for every {@code when}, because evolve updates the
 * state in place and a state must not be reused after it has been evolved.
 */
final class SellerScenario {

    static final UUID SELLER = UUID.fromString("5e11e400-0000-4000-8000-000000000001");
    static final UUID OTHER_SELLER = UUID.fromString("5e11e400-0000-4000-8000-000000000002");

    /** When the seller registered; deliberately different from {@link #NOW}. */
    static final Instant SELLER_SINCE = Instant.parse("2025-01-02T08:00:00Z");
    /** When past customer changes (updates, deletions given as history) happened; before {@link #NOW}. */
    static final Instant CHANGED_AT = SELLER_SINCE.plusSeconds(3600);
    /** When commands under test are issued. */
    static final Instant NOW = Instant.parse("2025-06-15T10:15:30Z");

    /** Plans of the {@linkplain #standardPlans() standard catalog}. */
    static final String SOLO = "solo";           // 1 customer
    static final String FREE = "free";           // 2 customers
    static final String PRO = "pro";             // 100 customers
    static final String UNLIMITED = "unlimited"; // any number

    private final List<SellerEvent> history = new ArrayList<>();
    private PlanCatalog plans = standardPlans();

    private SellerScenario(List<SellerEvent> events) {
        history.addAll(events);
    }

    // ---------------------------------------------------------------------------------------------- given

    static SellerScenario given(SellerEvent... events) {
        return new SellerScenario(Arrays.asList(events));
    }

    static SellerScenario givenNothing() {
        return new SellerScenario(List.of());
    }

    SellerScenario and(SellerEvent... more) {
        history.addAll(Arrays.asList(more));
        return this;
    }

    SellerScenario and(List<? extends SellerEvent> more) {
        history.addAll(more);
        return this;
    }

    SellerScenario onPlans(PlanCatalog catalog) {
        this.plans = catalog;
        return this;
    }

    SellerState state() {
        return stateAfter(history);
    }

    static SellerState stateAfter(List<? extends SellerEvent> events) {
        SellerState state = SellerState.UNREGISTERED;
        for (SellerEvent event : events) {
            state = Seller.evolve(state, event);
        }
        return state;
    }

    // ----------------------------------------------------------------------------------------------- when

    Outcome when(SellerCommand command) {
        SellerState state = state();
        try {
            return new Outcome(command, Seller.decide(command, state, plans), null);
        } catch (RuntimeException thrown) {
            return new Outcome(command, null, thrown);
        }
    }

    /** A command sent with an API key, or without one as an operator sends it. */
    Outcome when(Presented presented) {
        SellerState state = state();
        try {
            return new Outcome(presented.command(), Seller.decide(presented, state, plans), null);
        } catch (RuntimeException thrown) {
            return new Outcome(presented.command(), null, thrown);
        }
    }

    /** Several commands decided together, as the seller's group commit does ({@link Seller#decideAll}). */
    Together whenTogether(SellerCommand... commands) {
        return whenTogether(Arrays.stream(commands).map(Presented::withoutKey).toArray(Presented[]::new));
    }

    Together whenTogether(Presented... commands) {
        Seller.Decided decided = Seller.decideAll(List.of(commands), state(), plans);
        return new Together(IntStream.range(0, commands.length)
                .mapToObj(i -> new Outcome(commands[i].command(), decided.decisions().get(i), null))
                .toList(), decided.state());
    }

    // ----------------------------------------------------------------------------------------------- then

    record Together(List<Outcome> outcomes, SellerState state) {

        /** The outcome of the command at {@code index}, counting from 0 in the order given. */
        Outcome then(int index) {
            return outcomes.get(index);
        }
    }


    record Outcome(SellerCommand command, Decision decision, RuntimeException thrown) {

        List<SellerEvent> thenAccepted() {
            assertNothingThrown();
            assertThat(decision).as("decision on %s", command).isInstanceOf(Accepted.class);
            return ((Accepted) decision).events();
        }

        void thenEvents(SellerEvent... expected) {
            assertThat(thenAccepted()).as("events decided on %s", command).containsExactly(expected);
        }

        /** The single event the command was accepted with, for field-by-field assertions. */
        <E extends SellerEvent> E thenSingleEvent(Class<E> type) {
            List<SellerEvent> events = thenAccepted();
            assertThat(events).as("events decided on %s", command).singleElement().isInstanceOf(type);
            return type.cast(events.getFirst());
        }

        void thenRejectedWith(Rejection expected) {
            assertNothingThrown();
            assertThat(decision).as("decision on %s", command).isInstanceOf(Rejected.class);
            assertThat(((Rejected) decision).rejection()).isEqualTo(expected);
        }

        AbstractThrowableAssert<?, ? extends Throwable> thenThrows(Class<? extends Throwable> type) {
            if (thrown == null) {
                fail("expected %s on %s but the decision was %s", type.getSimpleName(), command, decision);
            }
            return assertThat(thrown).isInstanceOf(type);
        }

        private void assertNothingThrown() {
            if (thrown != null) {
                throw new AssertionError("deciding " + command + " threw", thrown);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- catalog

    /** A plan catalog that can be changed between decisions, as configuration can. */
    static final class Plans implements PlanCatalog {
        private final Map<String, CustomerLimit> limits = new HashMap<>();

        Plans with(String plan, CustomerLimit limit) {
            limits.put(plan, limit);
            return this;
        }

        Plans without(String plan) {
            limits.remove(plan);
            return this;
        }

        @Override
        public Optional<CustomerLimit> limitOf(String plan) {
            return Optional.ofNullable(limits.get(plan));
        }
    }

    static Plans standardPlans() {
        return new Plans()
                .with(SOLO, CustomerLimit.of(1))
                .with(FREE, CustomerLimit.of(2))
                .with(PRO, CustomerLimit.of(100))
                .with(UNLIMITED, CustomerLimit.UNLIMITED);
    }

    // -------------------------------------------------------------------------------------------- events

    static SellerRegistered sellerRegistered(String plan) {
        return sellerRegistered(SELLER, plan);
    }

    static SellerRegistered sellerRegistered(UUID seller, String plan) {
        return new SellerRegistered(seller, "Acme Virtual Offices", plan, SELLER_SINCE);
    }

    static CustomerRegistered customerRegistered(String email) {
        return customerRegistered(SELLER, email);
    }

    static CustomerRegistered customerRegistered(UUID seller, String email) {
        return new CustomerRegistered(seller, customerIdFor(email), "Erika", "Mustermann", email, null, null,
                Language.DE, CustomerStatus.ACTIVE, null, null, SELLER_SINCE.plusSeconds(60));
    }

    /** {@code count} customers with distinct emails {@code customer-1@example.com}, ... */
    static List<CustomerRegistered> customersRegistered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> customerRegistered(numberedEmail(i))).toList();
    }

    static String numberedEmail(int i) {
        return "customer-" + i + "@example.com";
    }

    /**
     * The customer registered with {@code email} by {@link #customerRegistered(String)} changed exactly the given
     * fields, at {@link #CHANGED_AT}. The customer keeps the id {@link #customerIdFor} gave its first email.
     */
    static CustomerUpdated customerUpdated(String email, CustomerChanges changes) {
        return customerUpdated(SELLER, customerIdFor(email), changes);
    }

    static CustomerUpdated customerUpdated(UUID seller, UUID customerId, CustomerChanges changes) {
        return CustomerUpdated.of(seller, customerId, changes, CHANGED_AT);
    }

    /** The customer registered with {@code email} changed its email, and nothing else, to {@code newEmail}. */
    static CustomerUpdated emailChanged(String email, String newEmail) {
        return customerUpdated(email, CustomerChanges.none().withEmail(new Email(newEmail)));
    }

    /** The customer registered with {@code email} was deleted at {@link #CHANGED_AT}. */
    static CustomerDeleted customerDeleted(String email) {
        return customerDeleted(SELLER, customerIdFor(email));
    }

    static CustomerDeleted customerDeleted(UUID seller, UUID customerId) {
        return new CustomerDeleted(seller, customerId, CHANGED_AT);
    }

    /** The customer registered with {@code email} was erased at {@link #CHANGED_AT}. */
    static CustomerErased customerErased(String email) {
        return new CustomerErased(SELLER, customerIdFor(email), CHANGED_AT);
    }

    /** {@link #customerRegistered(String)} as it reads back once the customer's personal data is erased. */
    static CustomerRegistered customerRegisteredThenErased(String email) {
        CustomerRegistered registered = customerRegistered(email);
        return new CustomerRegistered(SELLER, registered.customerId(), null, null, null, null, null,
                registered.language(), registered.status(), null, null, registered.registeredAt());
    }

    // ------------------------------------------------------------------------------------------ commands

    static RegisterSeller registerSeller(String plan) {
        return new RegisterSeller(SELLER, "Acme Virtual Offices", plan, NOW);
    }

    static IssueApiKey issueApiKey() {
        return new IssueApiKey(SELLER, UUID.fromString("a91c0000-0000-4000-8000-000000000001"), "ci pipeline",
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "vo_live_9f86",
                NOW.plusSeconds(90L * 24 * 3600), NOW);
    }

    static RegisterCustomer registerCustomer(String email) {
        return registerCustomer(SELLER, email);
    }

    static RegisterCustomer registerCustomer(UUID seller, String email) {
        return new RegisterCustomer(seller, customerIdFor(email), detailsFor(email), NOW);
    }

    /** A registration under an explicit id, e.g. a new customer taking an email a deleted one had. */
    static RegisterCustomer registerCustomerAs(UUID customerId, String email) {
        return new RegisterCustomer(SELLER, customerId, detailsFor(email), NOW);
    }

    /** Change the customer registered with {@code email} (see {@link #customerIdFor}). */
    static UpdateCustomer updateCustomer(String email, CustomerChanges changes) {
        return updateCustomer(customerIdFor(email), changes);
    }

    static UpdateCustomer updateCustomer(UUID customerId, CustomerChanges changes) {
        return new UpdateCustomer(SELLER, customerId, changes, NOW);
    }

    /** Change only the email of the customer registered with {@code email}. */
    static UpdateCustomer changeEmail(String email, String newEmail) {
        return updateCustomer(email, CustomerChanges.none().withEmail(new Email(newEmail)));
    }

    /** Erase the customer registered with {@code email} (see {@link #customerIdFor}). */
    static EraseCustomer eraseCustomer(String email) {
        return new EraseCustomer(SELLER, customerIdFor(email), NOW);
    }

    /** Delete the customer registered with {@code email} (see {@link #customerIdFor}). */
    static DeleteCustomer deleteCustomer(String email) {
        return deleteCustomer(customerIdFor(email));
    }

    static DeleteCustomer deleteCustomer(UUID customerId) {
        return new DeleteCustomer(SELLER, customerId, NOW);
    }

    static CustomerDetails detailsFor(String email) {
        return new CustomerDetails("Max", "Mustermann", new Email(email), null, null, Language.DE,
                CustomerStatus.ACTIVE, null, null);
    }

    /** Deterministic, so expected events can be written down; distinct for distinct spellings. */
    static UUID customerIdFor(String email) {
        return UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8));
    }
}
