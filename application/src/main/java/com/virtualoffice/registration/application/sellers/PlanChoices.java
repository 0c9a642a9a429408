package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.domain.CustomerLimit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The configured plans an operator chooses from, and the one a seller gets when none is chosen.
 *
 * @param limits each plan's customer limit, by the plan's name
 */
public record PlanChoices(Map<String, CustomerLimit> limits, String defaultPlan) {

    public PlanChoices {
        limits = Map.copyOf(limits);
        if (!limits.containsKey(defaultPlan)) {
            throw new IllegalArgumentException("the default plan " + defaultPlan + " is not one of " + limits.keySet());
        }
    }

    public boolean offers(String plan) {
        return limits.containsKey(plan);
    }

    /** The plans from the smallest limit to unlimited, as an operator compares them. */
    public List<String> smallestFirst() {
        return limits.keySet().stream()
                .sorted(Comparator.comparingLong((String plan) -> limits.get(plan).maximum().orElse(Integer.MAX_VALUE))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
