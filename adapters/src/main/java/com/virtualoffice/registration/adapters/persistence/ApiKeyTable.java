package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API-key read model: what authentication checks on every request. */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class ApiKeyTable implements ApiKeyDirectory {

    private final JdbcClient jdbc;

    ApiKeyTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyIssued event) {
        jdbc.sql("""
                        INSERT INTO api_keys (id, seller_id, name, prefix, key_hash, expires_at, created_at)
                        VALUES (:id, :sellerId, :name, :prefix, :hash, :expiresAt, :createdAt)
                        """)
                .param("id", event.apiKeyId())
                .param("sellerId", event.sellerId())
                .param("name", event.name())
                .param("prefix", event.keyPrefix())
                .param("hash", event.keyHash())
                .param("expiresAt", toColumn(event.expiresAt()))
                .param("createdAt", toColumn(event.issuedAt()))
                .update();
    }

    @Override
    public Optional<StoredApiKey> findByHash(String hash) {
        return jdbc.sql("""
                        SELECT id, seller_id, prefix, key_hash, expires_at, revoked_at
                        FROM api_keys WHERE key_hash = :hash
                        """)
                .param("hash", hash)
                .query((row, n) -> new StoredApiKey(row.getObject("id", UUID.class),
                        row.getObject("seller_id", UUID.class), row.getString("prefix"), row.getString("key_hash"),
                        fromColumn(row, "expires_at"), fromColumn(row, "revoked_at")))
                .optional();
    }
}
