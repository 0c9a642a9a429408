package com.virtualoffice.registration;

import com.virtualoffice.registration.application.sellers.PlanChoices;
import com.virtualoffice.registration.domain.CustomerLimit;
import com.virtualoffice.registration.domain.PlanCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plans and their customer limits, from {@code registration.plans} in application.yml. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlanConfiguration.PlanProperties.class)
class PlanConfiguration {

    static final String UNLIMITED = "unlimited";

    /**
     * @param defaultPlan the plan of a seller registered without one
     * @param limits each plan's customer limit: a whole number, or {@code unlimited}
     */
    @ConfigurationProperties("registration.plans")
    record PlanProperties(String defaultPlan, Map<String, String> limits) {
    }

    @Bean
    PlanChoices planChoices(PlanProperties properties) {
        Map<String, CustomerLimit> limits = properties.limits().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, plan -> parse(plan.getKey(), plan.getValue())));
        if (!limits.containsKey(properties.defaultPlan())) {
            throw new IllegalStateException("registration.plans.default-plan '" + properties.defaultPlan()
                    + "' is not one of registration.plans.limits " + limits.keySet());
        }
        return new PlanChoices(limits, properties.defaultPlan());
    }

    @Bean
    PlanCatalog planCatalog(PlanChoices choices) {
        return plan -> Optional.ofNullable(choices.limits().get(plan));
    }

    private static CustomerLimit parse(String plan, String limit) {
        if (UNLIMITED.equalsIgnoreCase(limit.strip())) {
            return CustomerLimit.UNLIMITED;
        }
        try {
            return CustomerLimit.of(Integer.parseInt(limit.strip()));
        } catch (IllegalArgumentException notALimit) {
            throw new IllegalStateException("registration.plans.limits." + plan + " must be a whole number >= 0 or '"
                    + UNLIMITED + "', not '" + limit + "'", notALimit);
        }
    }
}
