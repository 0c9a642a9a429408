package com.virtualoffice.registration.adapters.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How commands to one seller go together (group commit), documented in application.yml.
 *
 * @param maxBatchSize the most commands decided together in one seller transaction
 */
@ConfigurationProperties("registration.commands")
public record CommandProperties(int maxBatchSize) {
}
