package com.virtualoffice.registration.webhooks;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.adapters.webhooks.DispatcherTurns;
import com.virtualoffice.registration.support.DataDirs;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import com.virtualoffice.registration.support.TestHosts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real service, as {@link ServiceTest} starts it, but with webhook timings of milliseconds and seconds (the
 * same as {@link WebhookApi#FAST_WEBHOOKS}) so that retries, time-outs and giving up can be watched in a test. A
 * context (and data directory) of its own; every webhook test class shares it, each in sellers of its own.
 */
@SpringBootTest(classes = {RegistrationApplication.class, TestHosts.class, TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "registration.admin-token=" + ServiceTest.ADMIN_TOKEN,
                "registration.demo.enabled=false",
                // Webhook tests deliver to a receiver on 127.0.0.1.
                "registration.webhooks.allow-loopback=true",
                // Every test client is 127.0.0.1, and many tests fail authentication on purpose; the limit has
                // tests of its own (security.FailedAuthenticationLimitTest).
                "registration.http.failed-authentication.attempts=1000000",
                "axoniq.update-checker.disabled=true",
                "registration.webhooks.poll-interval=100ms",
                "registration.webhooks.initial-backoff=200ms",
                "registration.webhooks.max-backoff=400ms",
                "registration.webhooks.give-up-after=3s",
                "registration.webhooks.request-timeout=1s",
                "registration.webhooks.lease=5s"})
abstract class WebhookServiceTest {

    private static final Path DATA_DIR = DataDirs.temporary("registration-webhook-test-");

    @LocalServerPort
    private int port;

    protected Http http;
    protected WebhookApi api;
    protected Receiver receiver;

    @Autowired
    private ApplicationContext context;

    @Value("${registration.webhooks.max-backoff}")
    private Duration maxBackoff;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("registration.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        api = new WebhookApi(http, ServiceTest.ADMIN_TOKEN);
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /**
     * Lets every retry the dispatcher may have scheduled fall due, then runs a poll and waits for every send: what
     * has not been sent then will not be.
     */
    protected void dispatchWhatIsDue() throws Exception {
        TestClock.advance(pastAnyBackoff());
        DispatcherTurns.pollAndSend(context);
    }

    /** Polls and their sends, first attempts only, until the check passes (a few at most). */
    protected void delivered(Runnable check) throws Exception {
        DispatcherTurns.until(context, Duration.ZERO, check);
    }

    /** Polls and their sends, each after the clock has moved past any backoff, until the check passes. */
    protected void retried(Runnable check) throws Exception {
        DispatcherTurns.until(context, pastAnyBackoff(), check);
    }

    /** Twice the longest backoff: past it with its jitter (up to a quarter more). */
    private Duration pastAnyBackoff() {
        return maxBackoff.multipliedBy(2);
    }
}
