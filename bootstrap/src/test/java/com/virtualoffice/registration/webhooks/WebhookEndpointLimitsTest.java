package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A seller's fan-out is bounded: at most ten endpoints, each URL once. */
class WebhookEndpointLimitsTest extends WebhookServiceTest {

    private static final String TOO_MANY = "Webhook endpoint limit reached. A seller may have 10 endpoints.";
    private static final String DUPLICATE = "A webhook endpoint with this URL already exists";

    private List<Http.Response> registerAll(String key, int count) {
        List<Http.Response> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(api.register(key, WebhookApi.endpointJson("https://hooks.example.com/" + i, ALL_EVENTS)));
        }
        return answers;
    }

    @Test
    void given_ten_endpoints_when_an_eleventh_is_registered_then_403_and_after_a_removal_there_is_room_again() {
        String key = api.sellerKey();
        assertThat(registerAll(key, 10)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));

        Http.Response eleventh = api.register(key, WebhookApi.endpointJson("https://hooks.example.com/11",
                ALL_EVENTS));

        assertError(eleventh, 403, "Forbidden", TOO_MANY);
        String first = api.listEndpoints(key).json().get("data").get(0).get("id").asString();
        assertThat(api.removeEndpoint(key, first).status()).isEqualTo(204);
        assertThat(api.register(key, WebhookApi.endpointJson("https://hooks.example.com/11", ALL_EVENTS)).status())
                .isEqualTo(201);
        // Another seller's endpoints do not count.
        assertThat(api.register(api.sellerKey(), WebhookApi.endpointJson("https://hooks.example.com/11",
                ALL_EVENTS)).status()).isEqualTo(201);
    }

    @Test
    void given_fifteen_registrations_at_once_then_exactly_ten_are_kept() throws Exception {
        String key = api.sellerKey();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 15; i++) {
                String url = "https://hooks.example.com/at-once/" + i;
                answers.add(clients.submit(() -> {
                    start.await();
                    return api.register(key, WebhookApi.endpointJson(url, ALL_EVENTS));
                }));
            }
            start.countDown();
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            statuses.add(answer.get().status());
        }
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 403).hasSize(5);
        assertThat(api.listEndpoints(key).json().get("data").size()).isEqualTo(10);
    }

    @Test
    void given_an_endpoint_when_its_url_is_registered_again_then_409_until_it_is_removed() {
        String key = api.sellerKey();
        String url = "https://hooks.example.com/same";
        String id = api.registerEndpoint(key, url, ALL_EVENTS).get("id").asString();

        assertError(api.register(key, WebhookApi.endpointJson(url, List.of("customer.created"))), 409, "Conflict",
                DUPLICATE);

        assertThat(api.removeEndpoint(key, id).status()).isEqualTo(204);
        assertThat(api.register(key, WebhookApi.endpointJson(url, ALL_EVENTS)).status()).isEqualTo(201);
    }
}
