package com.virtualoffice.registration.security;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.support.DataDirs;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import com.virtualoffice.registration.support.TestHosts;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as it is deployed: webhooks to public https addresses only (allow-loopback off), the failed
 * authentication limit at its default, and fast webhook timings so that attempts can be watched. Host names
 * resolve through {@link TestHosts}. Every lookup of a key in PostgreSQL is counted ({@link #keyLookups}).
 */
@SpringBootTest(classes = {RegistrationApplication.class, TestHosts.class, TestClock.class,
        SecurityServiceTest.KeyLookups.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "registration.admin-token=" + ServiceTest.ADMIN_TOKEN,
                "registration.demo.enabled=false",
                "axoniq.update-checker.disabled=true",
                "registration.webhooks.poll-interval=100ms",
                "registration.webhooks.initial-backoff=200ms",
                "registration.webhooks.max-backoff=400ms",
                "registration.webhooks.request-timeout=1s",
                "registration.webhooks.lease=5s"})
public abstract class SecurityServiceTest {

    private static final Path DATA_DIR = DataDirs.temporary("registration-security-test-");
    /** Calls of the key table's lookup by hash: each is one query to PostgreSQL. */
    protected static final AtomicLong KEY_LOOKUPS = new AtomicLong();

    @LocalServerPort
    protected int port;

    protected Http http;
    protected Operator operator;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("registration.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        // 127.0.0.1, said explicitly: tests that fail authentication on purpose do it from other loopback
        // addresses (Http.from), so that the limit they run into is theirs alone.
        http = Http.from("127.0.0.1", port);
        operator = new Operator(http, ServiceTest.ADMIN_TOKEN);
    }

    /** Counts the key table's lookups by hash, as they reach the table (after any memory in front of it). */
    @TestConfiguration(proxyBeanMethods = false)
    static class KeyLookups {

        @Bean
        static BeanPostProcessor countKeyLookups() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!beanName.equals("apiKeyTable")) {
                        return bean;
                    }
                    ProxyFactory proxy = new ProxyFactory(bean);
                    proxy.setProxyTargetClass(true);
                    proxy.addAdvice((MethodInterceptor) invocation -> {
                        if (invocation.getMethod().getName().equals("findByHash")) {
                            KEY_LOOKUPS.incrementAndGet();
                        }
                        return invocation.proceed();
                    });
                    return proxy.getProxy(bean.getClass().getClassLoader());
                }
            };
        }
    }
}
