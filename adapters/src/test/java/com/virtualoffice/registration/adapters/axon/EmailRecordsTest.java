package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerIndex;
import com.virtualoffice.registration.domain.CustomerLimit;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.Seller;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shell settles the state's hash hits from the customer's record before the decider runs. The seller here is
 * as a restart leaves it: restored from a snapshot, knowing no exact email. A collision is staged by a record
 * whose email differs from the one the customer is indexed under, since two real emails of one hash are not to be
 * found.
 */
class EmailRecordsTest {

    private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ADA = UUID.fromString("c0000000-0000-4000-8000-0000000000aa");
    private static final PlanCatalog PLANS = plan -> Optional.of(CustomerLimit.of(1_000));
    private static final Instant NOW = Instant.parse("2026-01-15T10:30:00.000Z");

    private final List<UUID> lookedUp = new ArrayList<>();

    @Test
    void a_duplicate_email_of_an_older_customer_is_rejected_after_reading_its_record() {
        SellerState state = restoredWithAda();

        Decision decision = decideWithRecord(state, "ada@example.com", "ADA@example.com");

        assertThat(lookedUp).containsExactly(ADA);
        assertThat(decision).isEqualTo(new Decision.Rejected(new EmailAlreadyTaken()));
    }

    @Test
    void an_email_that_only_shares_its_hash_with_another_customers_email_is_accepted() {
        SellerState state = restoredWithAda();

        Decision decision = decideWithRecord(state, "someone.else@example.com", "ada@example.com");

        assertThat(decision).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void a_fresh_email_reads_no_record() {
        SellerState state = restoredWithAda();

        Decision decision = decideWithRecord(state, "ada@example.com", "bob@example.com");

        assertThat(lookedUp).isEmpty();
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
    }

    @Test
    void without_a_record_a_hash_hit_counts_as_taken() {
        SellerState state = restoredWithAda();
        EmailRecords records = new EmailRecords((seller, customer) -> Optional.empty());
        RegisterCustomer command = register("ada@example.com");

        records.confirmHolders(command, state);

        assertThat(Seller.decide(command, state, PLANS)).isEqualTo(new Decision.Rejected(new EmailAlreadyTaken()));
    }

    private Decision decideWithRecord(SellerState state, String adasRecordedEmail, String newEmail) {
        EmailRecords records = new EmailRecords((seller, customer) -> {
            lookedUp.add(customer);
            return customer.equals(ADA) ? Optional.of(adasRecordedEmail) : Optional.empty();
        });
        RegisterCustomer command = register(newEmail);
        records.confirmHolders(command, state);
        return Seller.decide(command, state, PLANS);
    }

    /** Ada indexed under the hash of ada@example.com, through a snapshot's round trip: no exact email known. */
    private static SellerState restoredWithAda() {
        CustomerIndex customers = CustomerIndex.empty();
        customers.put(ADA, CustomerIndex.hashOf("ada@example.com"));
        SellerState state = SellerState.restored(SELLER, "enterprise", customers, new HashMap<>());
        return SellerSnapshot.of(state).restore();
    }

    private static RegisterCustomer register(String email) {
        return new RegisterCustomer(SELLER, UUID.randomUUID(), new CustomerDetails("Ada", "Lovelace",
                new Email(email), null, null, Language.DE, CustomerStatus.ACTIVE, null, null), NOW);
    }
}
