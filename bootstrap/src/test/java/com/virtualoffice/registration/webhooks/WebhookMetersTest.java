package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Scrape;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import org.junit.jupiter.api.Test;

/** The webhook meters move with real deliveries: an attempt that fails, then the retry that gets through. */
class WebhookMetersTest extends WebhookServiceTest {


    @Test
    void a_failed_attempt_and_the_delivered_retry_are_counted() throws Exception {
        receiver.next("/metered", Behaviour.answer(500));

        Scrape before = oneEventTo("/metered");

        retried(() -> assertThat(receiver.receipts("/metered")).hasSize(2));
        delivered(() -> {
            Scrape after = scrape();
            assertThat(deliveries(before, after, "failed")).isEqualTo(1);
            assertThat(deliveries(before, after, "delivered")).isEqualTo(1);
        });
    }

    @Test
    void a_receiver_that_keeps_failing_shows_in_the_backlog_until_its_delivery_is_dead() throws Exception {
        receiver.always("/down", Behaviour.answer(500));

        Scrape before = oneEventTo("/down");

        retried(() -> {
            Scrape retrying = scrape();
            assertThat(retrying.sum("registration_webhook_backlog")).isGreaterThanOrEqualTo(1);
            assertThat(retrying.sum("registration_webhook_oldest_pending_seconds")).isGreaterThan(0);
        });
        retried(() -> assertThat(deliveries(before, scrape(), "dead")).isEqualTo(1));
    }

    /** A seller with an endpoint at the path creates one customer; the meters as they were just before. */
    private Scrape oneEventTo(String path) {
        String key = api.sellerKey();
        api.registerEndpoint(key, receiver.url(path), ALL_EVENTS);
        Scrape before = scrape();
        api.createCustomer(key);
        return before;
    }

    private static double deliveries(Scrape before, Scrape after, String outcome) {
        return after.sum("registration_webhook_deliveries_total", "outcome", outcome)
                - before.sum("registration_webhook_deliveries_total", "outcome", outcome);
    }

    private Scrape scrape() {
        return Scrape.of(api.http(), ServiceTest.ADMIN_TOKEN);
    }
}
