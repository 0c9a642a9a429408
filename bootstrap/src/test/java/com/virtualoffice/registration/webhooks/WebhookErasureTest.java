package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: subscribers hear of an erasure so that they erase their copies, and a delivery of an earlier event
 * that goes out after the erasure carries no personal data.
 */
class WebhookErasureTest extends WebhookServiceTest {

    @Test
    void every_endpoint_receives_the_erasure_and_an_earlier_event_sent_after_it_carries_no_personal_data()
            throws Exception {
        String key = api.sellerKey();
        receiver.always("/created", Behaviour.answer(500));
        api.registerEndpoint(key, receiver.url("/created"), List.of("customer.created"));
        api.registerEndpoint(key, receiver.url("/updates"), List.of("customer.updated"));
        String email = uniqueEmail();
        Http.Response created = api.http().post("/api/customers").apiKey(key).json(Customers.withEveryField(email))
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String customerId = created.field("id");
        delivered(() -> assertThat(receiver.receipts("/created")).as("a first, failed attempt").isNotEmpty());

        Http.Response erased = api.http().post("/api/customers/" + customerId + "/erase").apiKey(key).send();
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        receiver.always("/created", Behaviour.answer(200));

        retried(() -> assertThat(receiver.receipts("/created").stream().filter(Receipt::succeeded).toList())
                .hasSize(2));
        retried(() -> assertThat(receiver.receipts("/updates")).hasSize(1));
        List<Receipt> toCreated = receiver.receipts("/created").stream().filter(Receipt::succeeded).toList();
        assertThat(toCreated).extracting(receipt -> receipt.json().get("type").asString())
                .containsExactly("customer.created", "customer.erased");
        assertThat(receiver.receipts("/updates")).extracting(receipt -> receipt.json().get("type").asString())
                .as("subscribed to updates only, it hears of the erasure all the same")
                .containsExactly("customer.erased");
        // Every delivery sent after the erasure; the failed first attempt before it had the data, as it should.
        for (Receipt receipt : receiver.receipts().stream().filter(Receipt::succeeded).toList()) {
            JsonNode customer = receipt.json().get("data").get("customer");
            assertThat(customer.get("id").asString()).isEqualTo(customerId);
            for (String personal : List.of("first_name", "last_name", "email", "company_name", "address_data",
                    "postal_redirect_address")) {
                assertThat(customer.get(personal).isNull()).as("%s in %s", personal, receipt.bodyText()).isTrue();
            }
            assertThat(customer.get("legal_entity").asString()).isEqualTo("GmbH");
            assertThat(receipt.bodyText()).doesNotContain(email, "Jürgen", "Hauptstraße");
        }
    }
}
