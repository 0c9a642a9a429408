package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.application.apikeys.ApiKeyUsage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remembers in memory when each key was last used and writes the latest times in one statement per flush, so
 * that {@code last_used_at} stays current to within the flush interval without a write per request.
 */
final class ApiKeyUsageRecorder implements ApiKeyUsage {

    private final JdbcClient jdbc;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    ApiKeyUsageRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void used(UUID apiKeyId, Instant at) {
        pending.merge(apiKeyId, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
    }

    /** Writes what was recorded since the last flush; a key used on several instances keeps the latest time. */
    void flush() {
        for (UUID apiKeyId : pending.keySet()) {
            Instant at = pending.remove(apiKeyId);
            if (at == null) {
                continue;
            }
            try {
                jdbc.sql("""
                                INSERT INTO api_key_usage (api_key_id, last_used_at) VALUES (:id, :at)
                                ON CONFLICT (api_key_id) DO UPDATE
                                    SET last_used_at = GREATEST(api_key_usage.last_used_at, EXCLUDED.last_used_at)
                                """)
                        .param("id", apiKeyId)
                        .param("at", at.atOffset(ZoneOffset.UTC))
                        .update();
            } catch (RuntimeException failure) {
                // Keep the time for the next flush rather than lose it.
                used(apiKeyId, at);
                throw failure;
            }
        }
    }
}
