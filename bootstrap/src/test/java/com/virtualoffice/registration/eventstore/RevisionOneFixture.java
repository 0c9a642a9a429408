package com.virtualoffice.registration.eventstore;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of {@code stored-events/revision-1.json}, taken from a real store of the first schema, inserted as they
 * were under new ids (seller, customer, key, events), so that a test can run on a shared database and a rebuild of
 * it never meets two customers with one id. Nothing projects them: the read models know them after a rebuild only.
 *
 * @param customerId the one customer of the fixture: registered, updated, deleted
 */
record RevisionOneFixture(UUID sellerId, UUID customerId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every event of the fixture: its customer is deleted. */
    static RevisionOneFixture insert(JdbcClient jdbc) throws IOException {
        return insert(jdbc, Integer.MAX_VALUE);
    }

    /** The seller's first events only, up to its customer's update: the customer is live. */
    static RevisionOneFixture insertWithLiveCustomer(JdbcClient jdbc) throws IOException {
        return insert(jdbc, 4);
    }

    private static RevisionOneFixture insert(JdbcClient jdbc, int events) throws IOException {
        JsonNode fixture;
        try (InputStream in = RevisionOneFixture.class.getResourceAsStream("/stored-events/revision-1.json")) {
            fixture = JSON.readTree(in);
        }
        String originalSeller = fixture.get("seller_id").asString();
        UUID sellerId = UUID.randomUUID();
        JsonNode first = fixture.get("events");
        String originalCustomer = first.get(2).get("payload").get("customerId").asString();
        String originalKey = first.get(1).get("payload").get("apiKeyId").asString();
        UUID customerId = UUID.randomUUID();
        String keyId = UUID.randomUUID().toString();
        for (JsonNode event : fixture.get("events")) {
            if (event.get("sequence_number").asInt() >= events) {
                break;
            }
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                                payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                            VALUES (:id, convert_to(:metaData, 'UTF8'), convert_to(:payload, 'UTF8'), :revision,
                                :payloadType, :timeStamp, :seller, :sequence, 'SellerAggregate')
                            """)
                    .param("id", UUID.randomUUID().toString())
                    .param("metaData", JSON.writeValueAsString(event.get("meta_data")))
                    .param("payload", JSON.writeValueAsString(event.get("payload"))
                            .replace(originalSeller, sellerId.toString())
                            .replace(originalCustomer, customerId.toString())
                            .replace(originalKey, keyId))
                    .param("revision", event.get("payload_revision").asString())
                    .param("payloadType", event.get("payload_type").asString())
                    .param("timeStamp", event.get("time_stamp").asString())
                    .param("seller", sellerId.toString())
                    .param("sequence", event.get("sequence_number").asLong())
                    .update();
        }
        return new RevisionOneFixture(sellerId, customerId);
    }
}
