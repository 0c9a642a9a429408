package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.webhooks.DispatcherTurns;
import com.virtualoffice.registration.security.SecurityServiceTest;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service as deployed (allow-loopback off) attacked through webhooks: every way of naming this machine or
 * its networks is refused at registration, and an endpoint that leads there anyway (stored before the check
 * existed, or a name that changes its answer after registration) is never connected to. A listener on every
 * interface of this machine counts the connections it gets: it must get none.
 */
class WebhookSsrfTest extends SecurityServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ApplicationContext context;

    private WebhookApi api;
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final Semaphore accepted = new Semaphore(0);

    @BeforeEach
    void listen() throws IOException {
        api = new WebhookApi(http, ServiceTest.ADMIN_TOKEN);
        // The wildcard address: 127.0.0.1, ::1, 0.0.0.0 and every other local address reach it.
        listener = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket connection = listener.accept()) {
                    connections.incrementAndGet();
                    accepted.release();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stopListening() throws IOException {
        listener.close();
    }

    /** Every spelling of this machine and its networks, at the listener's port where there is one. */
    private List<String> attacks() {
        int port = listener.getLocalPort();
        String loopbackName = "loopback-" + UUID.randomUUID() + ".test";
        TestHosts.point(loopbackName, "127.0.0.1");
        String metadataName = "metadata-" + UUID.randomUUID() + ".test";
        TestHosts.point(metadataName, "169.254.169.254");
        List<String> urls = new ArrayList<>();
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "2130706433", "0177.0.0.1", "127.1",
                "0x7f.1", "0.0.0.0", "[::]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", loopbackName)) {
            urls.add("http://" + host + ":" + port + "/hook");
            urls.add("https://" + host + ":" + port + "/hook");
        }
        for (String host : List.of("10.0.0.1", "172.16.0.1", "192.168.1.20", "169.254.169.254", "[fe80::1]",
                "100.64.0.1", "[fd00::1]", "[fc00::1]", "224.0.0.1", "[ff02::1]", "[::ffff:10.0.0.1]",
                "[::ffff:169.254.169.254]", metadataName)) {
            urls.add("https://" + host + "/hook");
        }
        return urls;
    }

    @Test
    void given_any_spelling_of_this_machine_or_its_networks_when_registered_then_400_and_nothing_is_stored() {
        String key = api.sellerKey();

        for (String url : attacks()) {
            assertBadRequest(api.register(key, WebhookApi.endpointJson(url, ALL_EVENTS)),
                    "body/url must be a public https URL");
        }

        assertThat(api.listEndpoints(key).json().get("data").size()).isZero();
    }

    @Test
    void given_endpoints_stored_for_each_spelling_when_an_event_is_sent_then_none_is_ever_connected_to()
            throws Exception {
        var seller = api.seller();
        List<String> urls = attacks();
        for (String url : urls) {
            storeEndpoint(seller.id(), url);
        }

        api.createCustomer(seller.key());

        DispatcherTurns.until(context, Duration.ZERO, () -> assertThat(attempted(seller.id())).isEqualTo(urls.size()));
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE seller_id = :seller"
                        + " AND (status = 'succeeded' OR last_status_code IS NOT NULL)")
                .param("seller", UUID.fromString(seller.id())).query(Long.class).single()).isZero();
        assertListenerCountsYetGotNothing();
    }

    @Test
    void given_a_name_that_turns_to_loopback_after_registration_when_sent_then_it_is_not_followed()
            throws Exception {
        String name = "rebinding-" + UUID.randomUUID() + ".test";
        TestHosts.point(name, TestHosts.PUBLIC_ADDRESS);
        var seller = api.seller();
        api.registerEndpoint(seller.key(), "https://" + name + ":" + listener.getLocalPort() + "/hook",
                ALL_EVENTS);
        TestHosts.point(name, "127.0.0.1");

        api.createCustomer(seller.key());

        DispatcherTurns.until(context, Duration.ZERO, () -> assertThat(attempted(seller.id())).isEqualTo(1));
        assertListenerCountsYetGotNothing();
    }

    /** Endpoints as an older version (or a hand in the database) may have left them: unchecked. */
    private void storeEndpoint(String sellerId, String url) {
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (id, seller_id, url, events, secret, created_at)
                        VALUES (:id, :seller, :url, ARRAY['customer.created'], 'whsec_stored', :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("seller", UUID.fromString(sellerId))
                .param("url", url)
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    private long attempted(String sellerId) {
        return jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE seller_id = :seller AND attempts >= 1")
                .param("seller", UUID.fromString(sellerId)).query(Long.class).single();
    }

    /** The listener does count: one connection of the test's own, and not one from the service. */
    private void assertListenerCountsYetGotNothing() throws Exception {
        try (Socket own = new Socket("127.0.0.1", listener.getLocalPort())) {
            assertThat(accepted.tryAcquire(10, TimeUnit.SECONDS)).as("the listener accepts").isTrue();
        }
        assertThat(connections.get()).as("connections from the service").isEqualTo(1);
    }
}
