package com.virtualoffice.registration.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.axon.SellerBatches;
import com.virtualoffice.registration.adapters.persistence.ReadModelRebuild;
import com.virtualoffice.registration.application.projections.ReadModels.TableDifference;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerCommand.EraseCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.support.ServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers registered before sealing have plaintext events of revision 1 ({@code stored-events/revision-1.json}).
 * Erasing one rewrites its registration and updates in place, once, with the personal fields null, audited; the
 * store, the seller and a replay go on as before.
 */
class PlaintextErasureTest extends ServiceTest {

    /** Every personal value of the fixture's customer, as its events hold them. */
    private static final List<String> PERSONAL_VALUES = List.of("Jürgen", "Müller", "J.Mueller@Example.de",
            "juergen@example.de", "Müller & Söhne", "Hauptstraße 1", "Berlin", "10115");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private SellerDecisions decisions;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    @Qualifier("sellerCache")
    private Cache sellerCache;

    @Autowired
    @Qualifier("allReadModels")
    private ReadModelRebuild rebuild;

    @Test
    void given_a_first_schema_customer_when_erased_then_no_personal_value_is_left_in_its_sellers_events()
            throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insert(jdbc);
        assertThat(personalValuesStored(fixture, PERSONAL_VALUES)).containsExactlyInAnyOrderElementsOf(PERSONAL_VALUES);
        List<Map<String, Object>> before = skeleton(fixture);

        erase(fixture, "erase-legacy-1");

        assertThat(personalValuesStored(fixture, PERSONAL_VALUES)).isEmpty();
        // Same ids, positions, types, revisions, times and metadata; one event more: the erasure.
        List<Map<String, Object>> after = skeleton(fixture);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.getLast()).containsEntry("payload_type", CustomerErased.class.getName());
    }

    @Test
    void given_a_first_schema_customer_when_erased_then_its_events_read_back_without_personal_fields() throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insert(jdbc);

        erase(fixture, "erase-legacy-2");

        List<SellerEvent> events = eventStore.readEvents(fixture.sellerId().toString()).asStream()
                .map(message -> (SellerEvent) message.getPayload())
                .toList();
        assertThat(events.get(2)).isInstanceOfSatisfying(CustomerRegistered.class, registered -> {
            assertThat(registered.personalDataErased()).isTrue();
            assertThat(registered).isEqualTo(new CustomerRegistered(fixture.sellerId(), fixture.customerId(),
                    null, null, null, null, "GmbH", Language.DE, CustomerStatus.ACTIVE, null, null,
                    Instant.parse("2026-11-27T13:15:38.873Z")));
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(CustomerUpdated.class, updated -> {
            assertThat(updated.email()).isNull();
            assertThat(updated.language()).isEqualTo(Language.EN);
            assertThat(updated.status()).isEqualTo(CustomerStatus.INACTIVE);
        });
        assertThat(events.getLast()).isInstanceOf(CustomerErased.class);
    }

    @Test
    void each_rewritten_event_is_audited_with_the_erasure_that_caused_it_and_who_asked() throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insert(jdbc);

        erase(fixture, "erase-legacy-3");

        String registered = eventId(fixture, 2);
        String updated = eventId(fixture, 3);
        String erasure = eventId(fixture, 8);
        assertThat(rewrites(fixture)).containsExactly(
                List.of(registered, CustomerRegistered.class.getName(),
                        "{firstName,lastName,email,companyName,address,postalRedirectAddress}", erasure, "operator",
                        "erase-legacy-3"),
                List.of(updated, CustomerUpdated.class.getName(), "{email}", erasure, "operator", "erase-legacy-3"));
    }

    @Test
    void an_event_is_rewritten_once_however_often_its_customer_is_erased() throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insert(jdbc);
        erase(fixture, "erase-legacy-4");

        erase(fixture, "erase-legacy-4-again");

        assertThat(rewrites(fixture)).hasSize(2).allSatisfy(row -> assertThat(row).contains("erase-legacy-4"));
    }

    @Test
    void given_a_live_first_schema_customer_erased_when_its_seller_is_loaded_again_then_its_email_is_free()
            throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insertWithLiveCustomer(jdbc);
        erase(fixture, "erase-legacy-5");

        sellerCache.removeAll();

        Decision decision = decisions.decide(new RegisterCustomer(fixture.sellerId(), UUID.randomUUID(),
                new CustomerDetails("Jürgen", "Müller", new Email("juergen@example.de"), null, null, Language.DE,
                        CustomerStatus.ACTIVE, null, null), Instant.now()), Provenance.system());
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        assertThat(rewrites(fixture)).hasSize(2);
    }

    /**
     * An update of the customer decided in the erasure's own batch is not in the table yet when the erasure is
     * handled. (Once events are sealed, this customer's events are not plaintext; no value is stored all the same.)
     */
    @Test
    void given_an_update_decided_in_the_erasures_own_batch_then_its_values_are_erased_too() throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insert(jdbc);
        UUID customerId = UUID.randomUUID();
        List<String> values = List.of("Wilhelmine", "Beispielfrau", "w.beispiel@example.de", "Mina",
                "mina.neu@example.de");
        assertThat(decisions.decide(new RegisterCustomer(fixture.sellerId(), customerId,
                new CustomerDetails(values.get(0), values.get(1), new Email(values.get(2)), null, null, Language.DE,
                        CustomerStatus.ACTIVE, null, null), Instant.now()), Provenance.system()))
                .isInstanceOf(Decision.Accepted.class);

        List<?> decided = commandGateway.sendAndWait(SellerBatches.of(fixture.sellerId(), List.of(
                new UpdateCustomer(fixture.sellerId(), customerId, CustomerChanges.none()
                        .withFirstName(values.get(3)).withEmail(new Email(values.get(4))), Instant.now()),
                new EraseCustomer(fixture.sellerId(), customerId, Instant.now())), "erase-legacy-7"));

        assertThat(decided).hasSize(2).allSatisfy(decision -> assertThat(decision)
                .isInstanceOf(Decision.Accepted.class));
        assertThat(personalValuesStored(fixture, values)).isEmpty();
    }

    /** The read models replay the rewritten events (personal fields null) and come out equal to themselves. */
    @Test
    void given_an_erased_first_schema_customer_then_a_replay_and_a_verify_agree() throws Exception {
        RevisionOneFixture fixture = RevisionOneFixture.insert(jdbc);
        erase(fixture, "erase-legacy-6");

        rebuild.rebuild();
        List<TableDifference> differences = rebuild.verify().differences();

        assertThat(differences).allSatisfy(difference -> {
            assertThat(difference.missing()).as(difference.table()).isZero();
            assertThat(difference.unexpected()).as(difference.table()).isZero();
        });
        assertThat(jdbc.sql("SELECT first_name, last_name, email, company_name, address_data, legal_entity"
                        + " FROM customers WHERE id = :id")
                .param("id", fixture.customerId())
                .query((row, n) -> new Object[] {row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6)})
                .single()).containsExactly(null, null, null, null, null, "GmbH");
        assertThat(jdbc.sql("SELECT count(*) FROM customer_events WHERE customer_id = :id"
                        + " AND (" + containsAny("customer::text") + ")")
                .param("id", fixture.customerId())
                .param("values", PERSONAL_VALUES.toArray(String[]::new))
                .query(Long.class).single()).isZero();
    }

    /**
     * Erases the fixture's customer as a deployment that ran before sealing would hold it: with its read models
     * built (the fixture's rows are inserted into the store alone), since the erasure rewrites its history rows.
     */
    private void erase(RevisionOneFixture fixture, String requestId) {
        rebuild.rebuild();
        Decision decision = decisions.decide(new EraseCustomer(fixture.sellerId(), fixture.customerId(),
                Instant.now()), Provenance.operator(requestId, null));
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
    }

    /**
     * The personal values found in the seller's rows of the store, looked for in every column: in the text of the
     * JSON payload and metadata (letter case aside), and as the hex of their UTF-8 bytes in the row as PostgreSQL
     * writes it out, where a bytea is hex.
     */
    private List<String> personalValuesStored(RevisionOneFixture fixture, List<String> values) {
        return jdbc.sql("""
                        SELECT v FROM unnest(CAST(:values AS text[])) AS v WHERE EXISTS (
                            SELECT 1 FROM domain_event_entry e WHERE e.aggregate_identifier = :seller
                            AND (convert_from(e.payload, 'UTF8') ILIKE '%' || v || '%'
                                 OR convert_from(e.meta_data, 'UTF8') ILIKE '%' || v || '%'
                                 OR CAST(e AS text) LIKE '%' || encode(convert_to(v, 'UTF8'), 'hex') || '%'
                                 OR CAST(e AS text) ILIKE '%' || v || '%'))
                        """)
                .param("values", values.toArray(String[]::new))
                .param("seller", fixture.sellerId().toString())
                .query(String.class).list();
    }

    private static String containsAny(String column) {
        return "EXISTS (SELECT 1 FROM unnest(CAST(:values AS text[])) AS v WHERE " + column
                + " ILIKE '%' || v || '%')";
    }

    /** Every column of the seller's events but the payload. */
    private List<Map<String, Object>> skeleton(RevisionOneFixture fixture) {
        return jdbc.sql("""
                        SELECT global_index, event_identifier, sequence_number, payload_type, payload_revision,
                               time_stamp, type, convert_from(meta_data, 'UTF8') AS meta_data
                        FROM domain_event_entry WHERE aggregate_identifier = :seller ORDER BY sequence_number
                        """)
                .param("seller", fixture.sellerId().toString())
                .query().listOfRows();
    }

    private String eventId(RevisionOneFixture fixture, long sequence) {
        return jdbc.sql("SELECT event_identifier FROM domain_event_entry"
                        + " WHERE aggregate_identifier = :seller AND sequence_number = :sequence")
                .param("seller", fixture.sellerId().toString())
                .param("sequence", sequence)
                .query(String.class).single();
    }

    private List<List<String>> rewrites(RevisionOneFixture fixture) {
        return jdbc.sql("""
                        SELECT r.event_identifier, r.payload_type, CAST(r.erased_properties AS text),
                               r.erasure_event_identifier, r.actor_type, r.request_id
                        FROM event_rewrites r JOIN domain_event_entry e ON e.global_index = r.global_index
                        WHERE e.aggregate_identifier = :seller ORDER BY r.global_index
                        """)
                .param("seller", fixture.sellerId().toString())
                .query((row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)))
                .list();
    }
}
