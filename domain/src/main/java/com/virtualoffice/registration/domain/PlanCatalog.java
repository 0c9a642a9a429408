package com.virtualoffice.registration.domain;

import java.util.Optional;

/**
 * The plans sellers can be on and what each allows. Plans are configuration, so a seller's limit is looked up
 * by its plan's name at the moment of each decision: raising a plan's limit takes effect at once.
 */
public interface PlanCatalog {

    Optional<CustomerLimit> limitOf(String plan);
}
