package com.virtualoffice.registration.adapters.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery settings, documented in application.yml.
 *
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize deliveries claimed per poll
 * @param requestTimeout the deadline of a whole delivery, from the host's lookup to the answer's status
 * @param lease how long a claimed delivery is reserved for the instance sending it
 * @param initialBackoff the pause after the first failure, doubled after each further one
 * @param maxBackoff the longest pause between attempts
 * @param giveUpAfter a delivery still failing this long after its event is dead
 * @param pageSize deliveries listed per endpoint
 * @param allowLoopback whether endpoints on this machine's loopback are allowed (tests, local development)
 * @param deliveredRetention how long a succeeded delivery is kept
 * @param purgeInterval how often succeeded deliveries past their retention are deleted
 */
@ConfigurationProperties("registration.webhooks")
record WebhookProperties(Duration pollInterval, int batchSize, Duration requestTimeout, Duration lease,
                         Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter, int pageSize,
                         boolean allowLoopback, Duration deliveredRetention, Duration purgeInterval) {
}
