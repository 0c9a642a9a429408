package com.virtualoffice.registration.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyDeleted;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyRevoked;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.domain.SellerEvent.SellerPlanChanged;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import com.virtualoffice.registration.support.ServiceTest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events written by the first schema stay readable for ever. The rows in {@code stored-events/revision-1.json}
 * were taken from a real store; they are inserted as they were and read back through the configured serializer
 * and upcasters. When an event's shape changes, this test keeps passing only if an upcaster carries revision 1
 * forward (docs/event-store.md says how).
 */
class StoredEventCompatibilityTest extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private SellerDecisions decisions;

    @Test
    void first_schema_events_are_read_back_as_todays_events() throws Exception {
        UUID sellerId = RevisionOneFixture.insert(jdbc).sellerId();

        List<SellerEvent> events = eventStore.readEvents(sellerId.toString()).asStream()
                .map(message -> (SellerEvent) message.getPayload())
                .toList();

        assertThat(events).hasSize(8);
        assertThat(events.get(0)).isEqualTo(new SellerRegistered(sellerId, "Fixture GmbH", "starter",
                Instant.parse("2026-11-27T13:15:38.505Z")));
        assertThat(events.get(1)).isInstanceOfSatisfying(ApiKeyIssued.class, issued -> {
            assertThat(issued.keyPrefix()).isEqualTo("sk_live_6UaY");
            assertThat(issued.keyHash()).hasSize(64);
            assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        });
        assertThat(events.get(2)).isInstanceOfSatisfying(CustomerRegistered.class, registered -> {
            assertThat(registered.firstName()).isEqualTo("Jürgen");
            assertThat(registered.email()).isEqualTo("J.Mueller@Example.de");
            assertThat(registered.companyName()).isEqualTo("Müller & Söhne");
            assertThat(registered.language()).isEqualTo(Language.DE);
            assertThat(registered.status()).isEqualTo(CustomerStatus.ACTIVE);
            assertThat(registered.address()).isEqualTo(new Address("Hauptstraße 1", "Berlin", "10115", "DE"));
            assertThat(registered.postalRedirectAddress()).isEqualTo(Address.EMPTY);
        });
        assertThat(events.get(3)).isInstanceOfSatisfying(CustomerUpdated.class, updated -> {
            assertThat(updated.changed()).isEqualTo(Set.of(CustomerField.EMAIL, CustomerField.COMPANY_NAME,
                    CustomerField.STATUS, CustomerField.LANGUAGE));
            assertThat(updated.email()).isEqualTo("juergen@example.de");
            assertThat(updated.companyName()).isNull();
            assertThat(updated.status()).isEqualTo(CustomerStatus.INACTIVE);
        });
        assertThat(events.get(4)).isInstanceOf(CustomerDeleted.class);
        assertThat(events.get(5)).isEqualTo(new SellerPlanChanged(sellerId, "business",
                ((SellerPlanChanged) events.get(5)).changedAt()));
        assertThat(events.get(6)).isInstanceOf(ApiKeyRevoked.class);
        assertThat(events.get(7)).isInstanceOf(ApiKeyDeleted.class);
    }

    @Test
    void a_seller_sourced_from_first_schema_events_decides_on_them() throws Exception {
        UUID sellerId = RevisionOneFixture.insert(jdbc).sellerId();

        // The customer's email was changed and the customer deleted: both emails are free again.
        for (String email : List.of("J.Mueller@Example.de", "juergen@example.de")) {
            Decision decision = decisions.decide(new RegisterCustomer(sellerId, UUID.randomUUID(),
                    new CustomerDetails("Jürgen", "Müller", new Email(email), null, null, Language.DE,
                            CustomerStatus.ACTIVE, null, null), Instant.now()), Provenance.system());
            assertThat(decision).isInstanceOf(Decision.Accepted.class);
        }
    }
}
