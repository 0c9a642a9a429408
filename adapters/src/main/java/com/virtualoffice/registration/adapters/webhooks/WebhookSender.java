package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.application.webhooks.WebhookDestinationPolicy;
import com.virtualoffice.registration.application.webhooks.WebhookDestinationPolicy.Destination;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one delivery: to the address the destination policy checked just now, never to one a second lookup might
 * give (the client's own resolver refuses every name; the checked address travels with the host name, which SNI,
 * the certificate check and the Host header use). Apache HttpClient because the JDK's client cannot connect to a
 * given address while verifying the certificate for the name. The whole exchange, from the name's lookup to the
 * answer's headers, has one deadline and is aborted at it, so a receiver that answers a byte at a time holds nothing; the
 * answer's body is never read, only its status.
 */
final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** Every host comes with its checked address; a lookup here would be a second one, so there is none. */
    private static final DnsResolver NO_LOOKUPS = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw refused(host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw refused(host);
        }

        private UnknownHostException refused(String host) {
            return new UnknownHostException(host + ": webhook hosts are resolved by the destination policy only");
        }
    };

    private final WebhookDestinationPolicy destinations;
    private final Duration deadline;
    private final ScheduledExecutorService deadlines;
    private final CloseableHttpClient http;
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    WebhookSender(WebhookDestinationPolicy destinations, Duration deadline, ScheduledExecutorService deadlines) {
        this.destinations = destinations;
        this.deadline = deadline;
        this.deadlines = deadlines;
        Timeout timeout = Timeout.of(deadline);
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(NO_LOOKUPS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        .setMaxConnPerRoute(Integer.MAX_VALUE)
                        .build())
                // One connection per delivery: nothing checked for one send is reused for another.
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** The receiver's status code; empty when it may not be sent there, or no answer came within the deadline. */
    OptionalInt post(String url, Map<String, String> headers, String body) throws InterruptedException {
        long started = System.nanoTime();
        Destination destination = checkWithinDeadline(url).orElse(null);
        if (destination == null) {
            return OptionalInt.empty();
        }
        long left = deadline.toNanos() - (System.nanoTime() - started);
        HttpHost target = new HttpHost(destination.url().getScheme(), destination.address(), destination.host(),
                destination.port());
        HttpPost request = new HttpPost(destination.url());
        headers.forEach(request::setHeader);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> abort = deadlines.schedule(request::cancel, Math.max(0, left), TimeUnit.NANOSECONDS);
        try {
            ClassicHttpResponse response = http.executeOpen(target, request, null);
            int status = response.getCode();
            // Only the status counts: the connection is dropped rather than the body read.
            request.cancel();
            closeQuietly(response);
            return OptionalInt.of(status);
        } catch (IOException noAnswer) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopping");
            }
            log.debug("webhook to {} got no answer: {}", url, noAnswer.toString());
            return OptionalInt.empty();
        } finally {
            abort.cancel(false);
        }
    }

    /**
     * The destination check, name lookup included, within the deadline: a name server that answers slowly (or
     * never) holds the delivery no longer than a receiver may. The lookup cannot be interrupted; left behind, it
     * ends with the resolver's own timeout, on a virtual thread of its own.
     */
    private Optional<Destination> checkWithinDeadline(String url) throws InterruptedException {
        Future<Optional<Destination>> check = lookups.submit(() -> destinations.check(url));
        try {
            Optional<Destination> destination = check.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            if (destination.isEmpty()) {
                log.debug("webhook to {} not sent: its host is not a public address (or does not resolve)", url);
            }
            return destination;
        } catch (TimeoutException slowLookup) {
            check.cancel(true);
            log.debug("webhook to {} not sent: its host did not resolve within {}", url, deadline);
            return Optional.empty();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("checking the destination of " + url + " failed", failed.getCause());
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException alreadyAborted) {
            // The connection was dropped on purpose.
        }
    }

    @Override
    public void close() throws IOException {
        lookups.shutdownNow();
        http.close();
    }
}
