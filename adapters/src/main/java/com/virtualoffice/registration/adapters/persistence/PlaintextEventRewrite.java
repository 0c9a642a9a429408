package com.virtualoffice.registration.adapters.persistence;

import static com.virtualoffice.registration.adapters.persistence.Timestamps.toColumn;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Erases a customer from the events stored before sealing: their personal fields are plain JSON, and no key can
 * be destroyed for them. Its registration and updates are rewritten in place with those fields {@code null}, the
 * same revision, event id and position: the one exception to an append-only store, in the erasure's own
 * transaction, each rewritten event recorded in {@code event_rewrites} (docs/event-store.md).
 *
 * <p>Not a read model, so never replayed: a replay reads the rewritten events.
 */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
final class PlaintextEventRewrite {

    /** The revision written before sealing: the only one stored in plaintext, the only one rewritten. */
    private static final String PLAINTEXT_REVISION = "1";

    /**
     * The customer's plaintext events, found in SQL among its seller's: the byte search for the customer's id
     * spares parsing the other customers' payloads, the parsed id makes the match exact.
     */
    private static final String CUSTOMERS_EVENTS = """
            SELECT global_index, convert_from(payload, 'UTF8') AS payload FROM domain_event_entry
            WHERE aggregate_identifier = :seller AND payload_revision = :revision
              AND payload_type = ANY(CAST(:types AS text[]))
              AND position(convert_to(:customer, 'UTF8') IN payload) > 0
              AND CAST(convert_from(payload, 'UTF8') AS jsonb) ->> :customerIdProperty = :customer
            ORDER BY global_index""";

    /** The events of one erasure, rewritten and recorded in one statement. */
    record Rewrites(long[] globalIndexes, String[] payloads, String[] erased, OffsetDateTime rewrittenAt,
                    String erasureEventId, MetaData erasure) {

        String provenance(String key) {
            Object value = erasure.get(key);
            return value == null ? null : value.toString();
        }
    }

    private static final RowKind.Statement<Rewrites> REWRITES = RowKind.statement("domain_event_entry",
            rewrites -> """
                    WITH scrubbed AS (
                        SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]))
                            AS s(global_index, payload, erased)),
                    rewritten AS (
                        UPDATE domain_event_entry AS stored SET payload = convert_to(scrubbed.payload, 'UTF8')
                        FROM scrubbed WHERE stored.global_index = scrubbed.global_index
                        RETURNING stored.global_index, stored.event_identifier, stored.payload_type)
                    INSERT INTO event_rewrites (global_index, event_identifier, payload_type, erased_properties,
                        rewritten_at, erasure_event_identifier, actor_type, api_key_id, request_id)
                    SELECT r.global_index, r.event_identifier, r.payload_type, string_to_array(s.erased, ','),
                        CAST(? AS timestamptz), ?, ?, CAST(? AS uuid), ?
                    FROM rewritten r JOIN scrubbed s USING (global_index)""",
            rewrites -> Arrays.asList(rewrites.globalIndexes(), rewrites.payloads(), rewrites.erased(),
                    rewrites.rewrittenAt(), rewrites.erasureEventId(), rewrites.provenance(Provenance.ACTOR_TYPE),
                    rewrites.provenance(Provenance.API_KEY_ID), rewrites.provenance(Provenance.REQUEST_ID)));

    private record Rewrite(long globalIndex, PersonalProperties.Scrubbed scrubbed) {
    }

    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final InstantSource clock;
    private final PersonalProperties properties = PersonalProperties.OF_CUSTOMER_EVENTS;

    PlaintextEventRewrite(JdbcClient jdbc, RowWriter writes, InstantSource clock) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * One round trip more than another command: the read of the customer's events, once the rows this transaction
     * gathered so far are sent (an update of the customer in the same batch among them). The rewrite goes with the
     * commit's other rows.
     */
    @EventHandler
    void on(CustomerErased event, EventMessage<?> message) {
        writes.flush();
        List<Rewrite> rewrites = jdbc.sql(CUSTOMERS_EVENTS)
                .param("seller", event.sellerId().toString())
                .param("revision", PLAINTEXT_REVISION)
                .param("types", properties.payloadTypes().toArray(String[]::new))
                .param("customer", event.customerId().toString())
                .param("customerIdProperty", properties.customerIdProperty())
                .query((row, n) -> {
                    long globalIndex = row.getLong("global_index");
                    return properties.scrub(row.getString("payload"))
                            .map(scrubbed -> new Rewrite(globalIndex, scrubbed));
                })
                .list().stream()
                .flatMap(Optional::stream)
                .toList();
        if (rewrites.isEmpty()) {
            return;
        }
        writes.add(REWRITES, new Rewrites(
                rewrites.stream().mapToLong(Rewrite::globalIndex).toArray(),
                rewrites.stream().map(rewrite -> rewrite.scrubbed().payload()).toArray(String[]::new),
                rewrites.stream().map(rewrite -> String.join(",", rewrite.scrubbed().erased()))
                        .toArray(String[]::new),
                toColumn(clock.instant()), message.getIdentifier(), message.getMetaData()));
    }
}
