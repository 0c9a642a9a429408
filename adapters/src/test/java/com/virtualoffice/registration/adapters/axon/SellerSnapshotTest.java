package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** A snapshot must restore the whole seller, or a restored seller would forget its customers' emails. */
class SellerSnapshotTest {

    private final Jackson3Serializer serializer =
            Jackson3Serializer.builder().revisionResolver(new EventRevisionResolver()).build();

    @Test
    void a_snapshot_restores_plan_and_emails_and_carries_a_revision() {
        UUID sellerId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-15T10:30:00.000Z");
        SellerAggregate seller = new SellerAggregate();
        seller.on(new SellerRegistered(sellerId, "Acme", "free", now));
        seller.on(new CustomerRegistered(sellerId, customerId, "Ada", "Lovelace", "Ada@Example.com", null, null,
                Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, now));

        SerializedObject<byte[]> snapshot = serializer.serialize(seller, byte[].class);
        SellerAggregate restored = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).isEqualTo("5");
        assertThat(restored.state().plan()).isEqualTo("free");
        assertThat(restored.state().customerHolding(new Email("ada@example.com"))).contains(customerId);
        assertThat(restored.state().liveCustomers()).isEqualTo(1);
    }

    @Test
    void a_restored_seller_forgets_the_email_of_a_customer_deleted_after_the_snapshot() {
        UUID sellerId = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-15T10:30:00.000Z");
        SellerAggregate seller = new SellerAggregate();
        seller.on(new SellerRegistered(sellerId, "Acme", "free", now));
        seller.on(customer(sellerId, kept, "kept@example.com", now));
        seller.on(customer(sellerId, deleted, "deleted@example.com", now));

        SerializedObject<byte[]> snapshot = serializer.serialize(seller, byte[].class);
        SellerAggregate restored = serializer.deserialize(snapshot);
        restored.on(new CustomerDeleted(sellerId, deleted, now));

        assertThat(restored.state().customerHolding(new Email("deleted@example.com"))).isEmpty();
        assertThat(restored.state().customerHolding(new Email("kept@example.com"))).contains(kept);
        assertThat(restored.state().liveCustomers()).isEqualTo(1);
        // Neither emails nor customer ids as JSON text: a block of 24 bytes a customer, in base64.
        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8)).doesNotContain("kept@example.com")
                .doesNotContain(kept.toString());
    }

    private static CustomerRegistered customer(UUID sellerId, UUID customerId, String email, Instant at) {
        return new CustomerRegistered(sellerId, customerId, "Ada", "Lovelace", email, null, null, Language.DE,
                CustomerStatus.ACTIVE, Address.EMPTY, null, at);
    }

    @Test
    void a_snapshot_takes_32_bytes_a_customer_and_restores_every_one() {
        SellerAggregate seller = CaffeineAggregateCacheTest.seller(10_000);

        SerializedObject<byte[]> snapshot = serializer.serialize(seller, byte[].class);
        SellerAggregate restored = serializer.deserialize(snapshot);

        // 24 bytes of id and email hash, in base64, and a few hundred bytes for the rest.
        assertThat(snapshot.getData().length).isBetween(10_000 * 32, 10_000 * 32 + 500);
        assertThat(restored.state().customers()).isEqualTo(seller.state().customers());
        assertThat(restored.state().customerHolding(new Email("c9999@example.com"))).isPresent();
    }

    @Test
    void events_carry_the_revision_the_domain_declares() {
        assertThat(new EventRevisionResolver().revisionOf(SellerRegistered.class)).isEqualTo("1");
        // Revision 2: stored with the personal fields sealed (adapters/privacy/SealingSerializer).
        assertThat(new EventRevisionResolver().revisionOf(CustomerRegistered.class)).isEqualTo("2");
    }
}
