package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.detailsFor;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random register / change-email / delete sequences folded through {@link Seller#decide} and
 * {@link Seller#evolve}, checked step by step against the rules and against a plain reference model.
 */
class CustomerLifecyclePropertyTest {

    private static final int STEPS = 2000;
    private static final String PLAN = "small";

    /** Few distinct emails, so that collisions (in varying letter case) are frequent. */
    private static final List<String> EMAILS = List.of("ada@example.com", "bob@example.com", "cy@example.org",
            "dee@example.net", "eve@example.com", "fay@example.de", "gus@example.com", "hal@example.com",
            "ivy@example.com", "jo@example.com");

    @ParameterizedTest(name = "seed {0}, limit {1}")
    @CsvSource({
            "1, 2",
            "7, 3",
            "42, 5",
            "2024, 5",
            "31337, 8",
            "987654321, 9",
            "-5, 1"})
    void random_lifecycles_keep_emails_unique_the_plan_limit_and_both_maps_inverse(long seed, int limit) {
        Random random = new Random(seed);
        PlanCatalog plans = new SellerScenario.Plans().with(PLAN, CustomerLimit.of(limit));
        List<SellerEvent> history = new ArrayList<>(List.of(sellerRegistered(PLAN)));
        SellerState state = stateAfter(history);

        Map<UUID, String> model = new HashMap<>();   // live customer id -> email key
        List<UUID> everSeen = new ArrayList<>();      // live and deleted ids, to aim commands at
        Set<String> outcomes = new HashSet<>();

        for (int step = 0; step < STEPS; step++) {
            SellerCommand command = nextCommand(random, everSeen);
            Decision expected = expectedDecision(command, model, limit);
            Map<UUID, Long> customersBefore = state.customers().asMap();
            Map<UUID, String> knownBefore = Map.copyOf(state.knownEmailKeys());

            Decision actual = Seller.decide(command, state, plans);

            String where = "seed " + seed + ", step " + step + ", " + command;
            assertThat(state.customers().asMap()).as("deciding changed nothing; %s", where)
                    .isEqualTo(customersBefore);
            assertThat(state.knownEmailKeys()).as("deciding changed nothing; %s", where)
                    .isEqualTo(knownBefore);
            assertThat(outcomeOf(actual)).as(where).isEqualTo(outcomeOf(expected));
            outcomes.add(command.getClass().getSimpleName() + " -> " + outcomeOf(actual));

            if (actual instanceof Accepted accepted) {
                assertThat(accepted.events()).as(where).singleElement().satisfies(event -> {
                    assertThat(event.sellerId()).isEqualTo(SELLER);
                    assertThat(event).isInstanceOf(switch (command) {
                        case RegisterCustomer register -> SellerEvent.CustomerRegistered.class;
                        case UpdateCustomer update -> SellerEvent.CustomerUpdated.class;
                        default -> SellerEvent.CustomerDeleted.class;
                    });
                });
                for (SellerEvent event : accepted.events()) {
                    state = Seller.evolve(state, event);
                    history.add(event);
                }
                apply(command, model);
            }
            if (command instanceof RegisterCustomer register) {
                everSeen.add(register.customerId());
            }

            assertInvariants(state, limit, where);
            assertThat(state.customers().asMap()).as("state agrees with the model; %s", where)
                    .isEqualTo(hashed(model));
        }

        SellerState replayed = stateAfter(history);
        assertThat(replayed.customers().asMap()).as("replaying the history").isEqualTo(state.customers().asMap());
        assertThat(replayed.knownEmailKeys()).as("replaying the history").isEqualTo(state.knownEmailKeys());
        // The run must actually have exercised the rules, or passing it says nothing.
        assertThat(outcomes).as("outcomes seen with seed %s", seed).contains(
                "RegisterCustomer -> accepted",
                "RegisterCustomer -> " + new CustomerLimitReached(limit),
                "UpdateCustomer -> accepted",
                "UpdateCustomer -> " + new CustomerNotFound(),
                "DeleteCustomer -> accepted",
                "DeleteCustomer -> " + new CustomerNotFound());
        if (limit > 1) {
            // With room for only one customer no email can ever collide with another customer's.
            assertThat(outcomes).contains("RegisterCustomer -> " + new EmailAlreadyTaken(),
                    "UpdateCustomer -> " + new EmailAlreadyTaken());
        }
    }

    private static void assertInvariants(SellerState state, int limit, String where) {
        Map<UUID, Long> byCustomer = state.customers().asMap();

        assertThat(state.liveCustomers()).as("live customers within the limit; %s", where)
                .isLessThanOrEqualTo(limit).isEqualTo(byCustomer.size());
        byCustomer.keySet().forEach(customer -> assertThat(state.holds(customer))
                .as("customer %s found by its id; %s", customer, where).isTrue());
        assertThat(new HashSet<>(byCustomer.values())).as("no two live customers share an email key; %s", where)
                .hasSameSizeAs(byCustomer.values());
        state.knownEmailKeys().forEach((customer, key) -> {
            assertThat(key).as("keys are lower case; %s", where).isEqualTo(key.toLowerCase(Locale.ROOT));
            assertThat(state.customerHolding(new Email(key)))
                    .as("email key %s leads back to customer %s; %s", key, customer, where).contains(customer);
        });
    }

    private static Map<UUID, Long> hashed(Map<UUID, String> emailKeys) {
        Map<UUID, Long> hashes = new HashMap<>();
        emailKeys.forEach((customer, key) -> hashes.put(customer, CustomerIndex.hashOf(key)));
        return hashes;
    }

    // ------------------------------------------------------------------------------------------ commands

    private static SellerCommand nextCommand(Random random, List<UUID> everSeen) {
        int kind = random.nextInt(100);
        if (kind < 40 || everSeen.isEmpty()) {
            return new RegisterCustomer(SELLER, new UUID(random.nextLong(), random.nextLong()),
                    detailsFor(randomEmail(random)), NOW);
        }
        UUID target = random.nextInt(10) == 0
                ? new UUID(random.nextLong(), random.nextLong())          // never registered
                : everSeen.get(random.nextInt(everSeen.size()));          // live or deleted
        if (kind < 75) {
            CustomerChanges changes = CustomerChanges.none().withEmail(new Email(randomEmail(random)));
            if (random.nextBoolean()) {
                changes = changes.withLastName("Name " + random.nextInt(1000));
            }
            return new UpdateCustomer(SELLER, target, changes, NOW);
        }
        if (kind < 80) {
            return new UpdateCustomer(SELLER, target, CustomerChanges.none().withFirstName("First"), NOW);
        }
        return new DeleteCustomer(SELLER, target, NOW);
    }

    /** One of the few emails, each letter upper or lower case at random. */
    private static String randomEmail(Random random) {
        String email = EMAILS.get(random.nextInt(EMAILS.size()));
        StringBuilder spelled = new StringBuilder(email.length());
        for (char c : email.toCharArray()) {
            spelled.append(random.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
        }
        return spelled.toString();
    }

    // ------------------------------------------------------------------------------------ reference model

    private static Decision expectedDecision(SellerCommand command, Map<UUID, String> live, int limit) {
        return switch (command) {
            case RegisterCustomer register -> {
                if (live.size() >= limit) {
                    yield new Rejected(new CustomerLimitReached(limit));
                }
                yield live.containsValue(register.details().email().uniquenessKey())
                        ? new Rejected(new EmailAlreadyTaken())
                        : new Accepted(List.of());
            }
            case UpdateCustomer update -> {
                if (!live.containsKey(update.customerId())) {
                    yield new Rejected(new CustomerNotFound());
                }
                if (update.changes().changes(CustomerField.EMAIL)) {
                    String key = update.changes().email().uniquenessKey();
                    boolean heldByAnother = live.entrySet().stream()
                            .anyMatch(e -> e.getValue().equals(key) && !e.getKey().equals(update.customerId()));
                    if (heldByAnother) {
                        yield new Rejected(new EmailAlreadyTaken());
                    }
                }
                yield new Accepted(List.of());
            }
            case DeleteCustomer delete -> live.containsKey(delete.customerId())
                    ? new Accepted(List.of())
                    : new Rejected(new CustomerNotFound());
            default -> throw new IllegalArgumentException("not generated: " + command);
        };
    }

    private static void apply(SellerCommand command, Map<UUID, String> live) {
        switch (command) {
            case RegisterCustomer register ->
                    live.put(register.customerId(), register.details().email().uniquenessKey());
            case UpdateCustomer update -> {
                if (update.changes().changes(CustomerField.EMAIL)) {
                    live.put(update.customerId(), update.changes().email().uniquenessKey());
                }
            }
            case DeleteCustomer delete -> live.remove(delete.customerId());
            default -> throw new IllegalArgumentException("not generated: " + command);
        }
    }

    private static String outcomeOf(Decision decision) {
        return switch (decision) {
            case Accepted accepted -> "accepted";
            case Rejected rejected -> rejected.rejection().toString();
        };
    }
}
