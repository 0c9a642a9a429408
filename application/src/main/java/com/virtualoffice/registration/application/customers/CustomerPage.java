package com.virtualoffice.registration.application.customers;

import java.util.List;

/** A page of customers, and whether more follow it. */
public record CustomerPage(List<CustomerView> customers, boolean hasMore) {
}
