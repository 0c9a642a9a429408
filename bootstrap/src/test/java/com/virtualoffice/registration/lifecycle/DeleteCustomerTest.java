package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** docs/api/openapi.yaml, deleteCustomer. */
class DeleteCustomerTest extends LifecycleSupport {

    @Autowired
    private JdbcClient jdbc;

    private int events(String sellerId, String payloadTypeSuffix) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId AND payload_type LIKE :suffix
                        """)
                .param("sellerId", sellerId)
                .param("suffix", "%" + payloadTypeSuffix)
                .query(Integer.class)
                .single();
    }

    @Test
    void given_a_customer_when_deleting_then_204_with_an_empty_body() {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());

        Http.Response deleted = delete(seller, id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void given_a_deleted_customer_when_deleting_reading_or_patching_it_again_then_404_customer_not_found() {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());
        assertThat(delete(seller, id).status()).isEqualTo(204);

        assertCustomerNotFound(delete(seller, id));
        assertCustomerNotFound(read(seller, id));
        assertCustomerNotFound(patch(seller, id, "{\"first_name\": \"Lazarus\"}"));
        assertCustomerNotFound(delete(seller, id));
    }

    @Test
    void given_unknown_foreign_or_malformed_ids_when_deleting_then_404_and_nothing_is_deleted() {
        var owner = operator.sellerOn("free");
        var stranger = operator.sellerOn("free");
        String foreign = createCustomerWithEmail(owner, uniqueEmail());

        assertCustomerNotFound(delete(stranger, foreign));
        assertCustomerNotFound(delete(stranger, UUID.randomUUID().toString()));
        assertCustomerNotFound(delete(stranger, "not-a-uuid"));

        assertThat(read(owner, foreign).status()).isEqualTo(200);
        assertThat(customerCount(owner.sellerId())).isEqualTo(1);
        assertThat(events(owner.sellerId(), "CustomerDeleted")).isZero();
    }

    @Test
    void given_a_full_free_plan_when_one_customer_is_deleted_then_exactly_one_more_can_be_created() {
        var seller = operator.sellerOn("free");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(createCustomerWithEmail(seller, uniqueEmail()));
        }
        assertError(create(seller, Customers.withEmail(uniqueEmail())), 403, "Forbidden",
                "Customer limit reached. Your plan allows 10 customers.");

        assertThat(delete(seller, ids.get(4)).status()).isEqualTo(204);

        assertThat(create(seller, Customers.withEmail(uniqueEmail())).status()).isEqualTo(201);
        assertError(create(seller, Customers.withEmail(uniqueEmail())), 403, "Forbidden",
                "Customer limit reached. Your plan allows 10 customers.");
        assertThat(customerCount(seller.sellerId())).isEqualTo(10);
        assertThat(allListedIds(seller, "")).hasSize(10).doesNotContain(ids.get(4));
    }

    @Test
    void given_a_deleted_customer_when_registering_its_email_again_in_any_case_then_201_with_a_new_id() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        String id = createCustomerWithEmail(seller, email);
        assertThat(delete(seller, id).status()).isEqualTo(204);

        Http.Response again = create(seller, Customers.withEmail(email.toUpperCase()));

        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.field("id")).isNotEqualTo(id);
        assertThat(again.field("email")).isEqualTo(email.toUpperCase());
        assertCustomerNotFound(read(seller, id));
        assertEmailTaken(create(seller, Customers.withEmail(email)));
    }

    @Test
    void given_a_deleted_customer_when_patching_another_customer_to_its_email_then_200() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        String gone = createCustomerWithEmail(seller, email);
        String other = createCustomerWithEmail(seller, uniqueEmail());
        assertThat(delete(seller, gone).status()).isEqualTo(204);

        Http.Response patched = patch(seller, other, "{\"email\": \"" + email + "\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    @Test
    void given_a_customer_when_deleting_then_its_events_stay_in_the_store_with_a_customer_deleted_event() {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());
        assertThat(patch(seller, id, "{\"first_name\": \"Grace\"}").status()).isEqualTo(200);
        int before = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :sellerId")
                .param("sellerId", seller.sellerId()).query(Integer.class).single();

        assertThat(delete(seller, id).status()).isEqualTo(204);

        assertThat(events(seller.sellerId(), "CustomerDeleted")).isEqualTo(1);
        assertThat(events(seller.sellerId(), "CustomerRegistered")).isEqualTo(1);
        assertThat(events(seller.sellerId(), "CustomerUpdated")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :sellerId")
                .param("sellerId", seller.sellerId()).query(Integer.class).single()).isEqualTo(before + 1);
        // A refused second delete records nothing.
        assertCustomerNotFound(delete(seller, id));
        assertThat(events(seller.sellerId(), "CustomerDeleted")).isEqualTo(1);
    }

    @Test
    void given_customers_when_one_is_deleted_then_the_seller_customer_count_goes_down_and_the_list_omits_it() {
        var seller = operator.sellerOn("starter");
        String kept = createCustomerWithEmail(seller, uniqueEmail());
        String gone = createCustomerWithEmail(seller, uniqueEmail());
        String alsoKept = createCustomerWithEmail(seller, uniqueEmail());
        assertThat(customerCount(seller.sellerId())).isEqualTo(3);

        assertThat(delete(seller, gone).status()).isEqualTo(204);

        assertThat(customerCount(seller.sellerId())).isEqualTo(2);
        assertThat(listIds(seller, "")).containsExactly(alsoKept, kept);
    }
}
