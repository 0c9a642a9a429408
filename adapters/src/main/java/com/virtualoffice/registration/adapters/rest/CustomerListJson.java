package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.json.CustomerJson;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.application.customers.CustomerPage;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A page of the customer list: {@code {"data": [...], "has_more": ...}}. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonPropertyOrder({"data", "has_more"})
record CustomerListJson(List<CustomerJson> data, boolean hasMore) {

    static CustomerListJson of(CustomerPage page) {
        return new CustomerListJson(page.customers().stream().map(CustomerJson::of).toList(), page.hasMore());
    }
}
