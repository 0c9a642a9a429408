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
import java.time.OffsetDateTime;
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

    record ApiKeyRow(UUID id, UUID sellerId, String name, String prefix, String hash, OffsetDateTime expiresAt,
                     OffsetDateTime issuedAt) {
    }

    private static final RowKind.Insert<ApiKeyRow> API_KEYS = RowKind.insert("api_keys", List.of(
            RowKind.column("id", "uuid", ApiKeyRow::id),
            RowKind.column("seller_id", "uuid", ApiKeyRow::sellerId),
            RowKind.column("name", "text", ApiKeyRow::name),
            RowKind.column("prefix", "text", ApiKeyRow::prefix),
            RowKind.column("key_hash", "text", ApiKeyRow::hash),
            RowKind.column("expires_at", "timestamptz", ApiKeyRow::expiresAt),
            RowKind.column("created_at", "timestamptz", ApiKeyRow::issuedAt)));

    record Revocation(UUID id, OffsetDateTime revokedAt) {
    }

    private static final RowKind.Statement<Revocation> REVOCATIONS = RowKind.statement("api_keys",
            row -> "UPDATE api_keys SET revoked_at = ? WHERE id = ?", row -> List.of(row.revokedAt(), row.id()));

    record Deletion(UUID id) {
    }

    private static final RowKind.Statement<Deletion> DELETIONS = RowKind.statement("api_keys",
            row -> "DELETE FROM api_keys WHERE id = ?", row -> List.of(row.id()));

    private final JdbcClient jdbc;
    private final RowWriter writes;

    ApiKeyTable(JdbcClient jdbc, RowWriter writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ApiKeyIssued event) {
        writes.add(API_KEYS, new ApiKeyRow(event.apiKeyId(), event.sellerId(), event.name(), event.keyPrefix(),
                event.keyHash(), toColumn(event.expiresAt()), toColumn(event.issuedAt())));
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        writes.add(REVOCATIONS, new Revocation(event.apiKeyId(), toColumn(event.revokedAt())));
    }

    /** A deleted key is gone: presented again, it is as unknown as a key never issued. */
    @EventHandler
    void on(ApiKeyDeleted event) {
        writes.add(DELETIONS, new Deletion(event.apiKeyId()));
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
