package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerState;
import java.util.Optional;
import java.util.UUID;

/**
 * Settles, before the decider runs, what the seller's state cannot settle alone: whether a customer whose email
 * hash matches a command's email holds that very email. The state knows the exact emails of its most recent
 * customers, which covers every row not committed yet; for an older one the customer table's email is read, one
 * indexed row, and only on a hash hit: a duplicate email, or (one time in 2^64 per customer) two emails of one hash.
 * Reading here, in the shell, keeps the decider a function of its inputs.
 */
final class EmailRecords {

    private final EmailOnRecord records;

    /** The email a live customer's record holds, if it has one. */
    @FunctionalInterface
    interface EmailOnRecord {
        Optional<String> emailOf(UUID sellerId, UUID customerId);
    }

    EmailRecords(EmailOnRecord records) {
        this.records = records;
    }

    void confirmHolders(SellerCommand command, SellerState state) {
        emailOf(command).ifPresent(email -> state.unconfirmedHolders(email).forEach(holder ->
                records.emailOf(state.sellerId(), holder).ifPresent(recorded -> state.confirm(holder, recorded))));
    }

    private static Optional<Email> emailOf(SellerCommand command) {
        return switch (command) {
            case RegisterCustomer register -> Optional.of(register.details().email());
            case UpdateCustomer update -> update.changes().changes(CustomerField.EMAIL)
                    ? Optional.of(update.changes().email()) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
