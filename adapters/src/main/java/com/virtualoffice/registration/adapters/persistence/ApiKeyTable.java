package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.fromColumn;
import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory;
import com.virtualoffice.registration.application.apikeys.ApiKeyView;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyDeleted;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyRevoked;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API-key read model: what authentication checks on every request. When a key was last used is not an
 * event; it lives beside the read model in {@code api_key_usage}, kept by {@link ApiKeyUsageRecorder}.
 */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class ApiKeyTable implements ApiKeyDirectory {

    private static final String VIEW = """
            SELECT k.id, k.seller_id, k.name, k.prefix, k.expires_at, k.revoked_at, k.created_at, u.last_used_at
            FROM api_keys k LEFT JOIN api_key_usage u ON u.api_key_id = k.id
            """;

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;

    ApiKeyTable(JdbcClient jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ApiKeyIssued event) {
        writes.sql("""
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

    @EventHandler
    void on(ApiKeyRevoked event) {
        writes.sql("UPDATE api_keys SET revoked_at = :revokedAt WHERE id = :id")
                .param("revokedAt", toColumn(event.revokedAt()))
                .param("id", event.apiKeyId())
                .update();
    }

    /** A deleted key is gone: presented again, it is as unknown as a key never issued. */
    @EventHandler
    void on(ApiKeyDeleted event) {
        writes.sql("DELETE FROM api_keys WHERE id = :id").param("id", event.apiKeyId()).update();
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

    @Override
    public Optional<ApiKeyView> find(UUID apiKeyId) {
        return jdbc.sql(VIEW + " WHERE k.id = :id").param("id", apiKeyId).query(this::view).optional();
    }

    @Override
    public List<ApiKeyView> ofSeller(UUID sellerId) {
        return jdbc.sql(VIEW + " WHERE k.seller_id = :sellerId ORDER BY k.created_at, k.id")
                .param("sellerId", sellerId)
                .query(this::view)
                .list();
    }

    private ApiKeyView view(ResultSet row, int rowNumber) throws SQLException {
        return new ApiKeyView(row.getObject("id", UUID.class), row.getObject("seller_id", UUID.class),
                row.getString("name"), row.getString("prefix"), fromColumn(row, "expires_at"),
                fromColumn(row, "last_used_at"), fromColumn(row, "revoked_at"), fromColumn(row, "created_at"));
    }
}
