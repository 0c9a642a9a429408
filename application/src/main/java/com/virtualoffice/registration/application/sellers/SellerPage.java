package com.virtualoffice.registration.application.sellers;

import java.util.List;

/** A page of sellers, and whether more follow it. */
public record SellerPage(List<SellerView> sellers, boolean hasMore) {
}
