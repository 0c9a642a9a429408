package com.virtualoffice.registration.application.events;

import com.virtualoffice.registration.domain.CustomerField;
import java.util.Map;

/** One event in a customer's history, with the fields it changed, in the customer object's order. */
public record HistoryEntry(CustomerEvent event, Map<CustomerField, FieldChange> changes) {
}
