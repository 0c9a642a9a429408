package com.virtualoffice.registration.support;

import com.virtualoffice.registration.RegistrationApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real service on a random port, on a real PostgreSQL: the embedded one (one per test run, in a temporary
 * directory), or the server named by SPRING_DATASOURCE_URL. Tests share the database, so each works in sellers
 * of its own.
 */
@SpringBootTest(classes = {RegistrationApplication.class, TestHosts.class, TestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "registration.admin-token=" + ServiceTest.ADMIN_TOKEN,
                "registration.data-key=" + ServiceTest.DATA_KEY,
                "registration.demo.enabled=false",
                // Webhook tests deliver to a receiver on 127.0.0.1.
                "registration.webhooks.allow-loopback=true",
                // Every test client is 127.0.0.1, and many tests fail authentication on purpose; the limit has
                // tests of its own (security.FailedAuthenticationLimitTest).
                "registration.http.failed-authentication.attempts=1000000",
                "axoniq.update-checker.disabled=true"})
public abstract class ServiceTest {

    public static final String ADMIN_TOKEN = "test-admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    /** The master key of the data keys, for every instance a test starts on a configured database. */
    public static final String DATA_KEY = "bxbCxr6zHgrL3CX3ytxKgfivb1M8vdCqJPHQR9nlDyg=";
    private static final Path DATA_DIR = DataDirs.temporary("registration-test-");

    @LocalServerPort
    private int port;

    protected Http http;
    protected Operator operator;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("registration.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        operator = new Operator(http, ADMIN_TOKEN);
    }
}
