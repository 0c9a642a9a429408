package com.virtualoffice.registration.support;

import com.virtualoffice.registration.application.webhooks.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Names for webhook hosts in tests, which have no DNS: every name under {@code example.com} is a public address
 * (in 203.0.113.0/24, a block set aside for documentation, routed nowhere), a test may point any other name
 * anywhere (a name that resolves to loopback, one that changes its answer), and the rest (localhost) resolve as
 * the system resolves them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestHosts {

    public static final String PUBLIC_ADDRESS = "203.0.113.10";
    private static final String EXAMPLE_DOMAIN = ".example.com";
    private static final Map<String, List<InetAddress>> POINTED = new ConcurrentHashMap<>();
    private static final Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();

    /** From now on, {@code name} resolves to these addresses (literal addresses, nothing is looked up). */
    public static void point(String name, String... addresses) {
        POINTED.put(name, java.util.Arrays.stream(addresses).map(TestHosts::literal).toList());
    }

    /** Until closed, looking {@code name} up hangs, as with a name server that does not answer. */
    public static AutoCloseable hold(String name) {
        CountDownLatch released = new CountDownLatch(1);
        HELD.put(name, released);
        return () -> {
            HELD.remove(name);
            released.countDown();
        };
    }

    @Bean
    @Primary
    HostResolver testHostResolver() {
        return host -> {
            CountDownLatch held = HELD.get(host);
            if (held != null) {
                awaitRelease(held);
            }
            List<InetAddress> pointed = POINTED.get(host);
            if (pointed != null) {
                return pointed;
            }
            if (host.endsWith(EXAMPLE_DOMAIN)) {
                return List.of(literal(PUBLIC_ADDRESS));
            }
            return HostResolver.system().resolve(host);
        };
    }

    private static void awaitRelease(CountDownLatch held) throws UnknownHostException {
        try {
            held.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException("lookup interrupted");
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException notALiteral) {
            throw new IllegalArgumentException(address, notALiteral);
        }
    }
}
