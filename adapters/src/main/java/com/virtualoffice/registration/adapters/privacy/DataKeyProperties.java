package com.virtualoffice.registration.adapters.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cachedKeys customers whose unwrapped data keys are kept in memory (about 200 bytes each)
 * @param cacheLifetime how long a cached key is used before it is read again; bounds how long another instance
 *                      goes on opening a customer's events after it is erased here
 */
@ConfigurationProperties("registration.data-keys")
public record DataKeyProperties(long cachedKeys, Duration cacheLifetime) {
}
