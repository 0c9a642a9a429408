package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * What holds an erased customer's data beside the read models, emptied in the erasure's transaction: the answers
 * kept for idempotent retries of its creation (the customer object, its personal fields now {@code null}; a retry
 * still creates nothing) and the seller's snapshots (the seller is loaded from its events until the next one).
 * Records, not read models: a rebuild does not run this, and finds them emptied already.
 */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class ErasedRecords {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    record StoredAnswer(UUID sellerId, String idempotencyKey, String body) {
    }

    private static final RowKind.Statement<StoredAnswer> ANSWERS = RowKind.statement("idempotency_keys",
            row -> "UPDATE idempotency_keys SET response_body = ? WHERE seller_id = ? AND idempotency_key = ?",
            row -> List.of(row.body(), row.sellerId(), row.idempotencyKey()));

    private static final RowKind.Statement<UUID> SNAPSHOTS = RowKind.statement("snapshot_event_entry",
            sellerId -> "DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?",
            sellerId -> List.of(sellerId.toString()));

    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final ObjectMapper json;

    ErasedRecords(JdbcClient jdbc, RowWriter writes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    /** A stored 201 names its customer by id; the body keeps its other fields and their order. */
    @EventHandler
    void on(CustomerErased event) {
        jdbc.sql("SELECT idempotency_key, response_body FROM idempotency_keys WHERE seller_id = :sellerId"
                        + " AND response_status = 201 AND strpos(response_body, :customerId) > 0")
                .param("sellerId", event.sellerId())
                .param("customerId", event.customerId().toString())
                .query((row, n) -> new StoredAnswer(event.sellerId(), row.getString("idempotency_key"),
                        row.getString("response_body")))
                .list()
                .forEach(answer -> {
                    LinkedHashMap<String, Object> customer = json.readValue(answer.body(), OBJECT);
                    if (event.customerId().toString().equals(customer.get("id"))) {
                        for (CustomerField field : CustomerField.values()) {
                            if (field.personal()) {
                                customer.put(field.key(), null);
                            }
                        }
                        writes.add(ANSWERS, new StoredAnswer(answer.sellerId(), answer.idempotencyKey(),
                                json.writeValueAsString(customer)));
                    }
                });
        writes.add(SNAPSHOTS, event.sellerId());
    }
}
