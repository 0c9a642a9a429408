package com.virtualoffice.registration.application.apikeys;

import java.time.Instant;
import java.util.UUID;

/** Takes note that a key was used; how soon that shows as {@code last_used_at} is the implementation's affair. */
public interface ApiKeyUsage {

    void used(UUID apiKeyId, Instant at);
}
