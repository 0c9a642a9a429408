package com.virtualoffice.registration.application.sellers;

import java.util.Optional;
import java.util.UUID;

/**
 * One page of the sellers, newest first.
 *
 * @param limit how many sellers at most
 * @param startingAfter the last seller of the previous page
 * @param text only sellers with this text in their name, letter case aside
 * @param plan only sellers on this plan
 */
public record SellerQuery(int limit, Optional<UUID> startingAfter, Optional<String> text, Optional<String> plan) {
}
