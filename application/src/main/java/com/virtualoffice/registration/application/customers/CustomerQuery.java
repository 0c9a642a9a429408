package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.domain.CustomerStatus;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of a seller's customers, newest first.
 *
 * @param limit how many customers at most
 * @param startingAfter the last customer of the previous page
 * @param status only customers with this status
 * @param email only the customer with this email, letter case aside
 * @param text only customers with this text in a name, the email or the company, letter case aside
 */
public record CustomerQuery(int limit, Optional<UUID> startingAfter, Optional<CustomerStatus> status,
                            Optional<String> email, Optional<String> text) {
}
