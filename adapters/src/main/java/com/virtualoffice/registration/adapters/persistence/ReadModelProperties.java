package com.virtualoffice.registration.adapters.persistence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read models' settings, documented in application.yml.
 *
 * @param replayBatchSize events applied per transaction while a replay rebuilds the read models
 */
@ConfigurationProperties("registration.read-models")
record ReadModelProperties(int replayBatchSize) {

    /**
     * When API keys were last used, kept in the read model.
     *
     * @param lastUsedFlushInterval how often last_used_at is written, so how far behind it may be
     */
    @ConfigurationProperties("registration.api-keys")
    record ApiKeyUsage(Duration lastUsedFlushInterval) {
    }
}
