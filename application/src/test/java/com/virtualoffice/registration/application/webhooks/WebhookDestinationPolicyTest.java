package com.virtualoffice.registration.application.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where webhooks may go, decided on the address a name resolves to, never on how the URL spells it. */
class WebhookDestinationPolicyTest {

    private static final Map<String, List<String>> NAMES = Map.of(
            "hooks.example.com", List.of("93.184.215.14"),
            "loopback.test", List.of("127.0.0.1"),
            "metadata.test", List.of("169.254.169.254"),
            "mixed.test", List.of("93.184.215.14", "10.1.2.3"),
            "localhost", List.of("127.0.0.1", "::1"));

    private static final HostResolver RESOLVER = host -> {
        List<String> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(WebhookDestinationPolicyTest::literal).toList();
    };

    private final WebhookDestinationPolicy strict = new WebhookDestinationPolicy(RESOLVER, false);
    private final WebhookDestinationPolicy loopbackAllowed = new WebhookDestinationPolicy(RESOLVER, true);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8080/x", "https://127.0.0.1/x", "http://[::1]:8080/x", "https://[::1]/x",
            "http://2130706433:8080/x", "https://2130706433/x", "https://0177.0.0.1/x", "https://127.1/x",
            "https://0x7f.1/x", "https://0x7f000001/x", "https://017700000001/x", "https://127.0.1/x",
            "https://localhost/x", "https://loopback.test/x",
            "https://0.0.0.0/x", "https://0/x", "https://[::]/x",
            "https://10.0.0.1/x", "https://10.255.255.255/x", "https://172.16.0.1/x", "https://172.31.255.1/x",
            "https://192.168.1.20/x", "https://169.254.169.254/latest", "https://metadata.test/x",
            "https://[fe80::1]/x", "https://[febf::1]/x", "https://100.64.0.1/x", "https://100.127.255.254/x",
            "https://[fd00::1]/x", "https://[fc00::1]/x", "https://224.0.0.1/x", "https://[ff02::1]/x",
            "https://255.255.255.255/x", "https://[::ffff:127.0.0.1]/x", "https://[::ffff:10.0.0.1]/x",
            "https://[::ffff:169.254.169.254]/x", "https://[::ffff:7f00:1]/x", "https://[::127.0.0.1]/x",
            "https://[64:ff9b::a9fe:a9fe]/x", "https://[2002:7f00:1::]/x", "https://[fe80::1%25eth0]/x",
            "https://mixed.test/x", "https://unknown.test/x",
            "http://hooks.example.com/x", "ftp://hooks.example.com/x", "https://user:pw@hooks.example.com/x",
            "not a url", "https:///x"})
    void given_a_url_that_does_not_lead_to_the_public_internet_then_it_is_refused(String url) {
        assertThat(strict.check(url)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/x", "https://93.184.215.14/x", "https://1572394766/x",
            "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x", "https://172.32.0.1/x", "https://100.128.0.1/x",
            "https://[::ffff:93.184.215.14]/x", "https://hooks.example.com:8443/x"})
    void given_https_to_a_public_address_then_it_is_allowed(String url) {
        assertThat(strict.check(url)).as(url).isPresent();
    }

    @Test
    void given_a_name_then_the_destination_is_the_checked_address_with_the_name_kept_for_tls() {
        var destination = strict.check("https://hooks.example.com:8443/customers").orElseThrow();

        assertThat(destination.address()).isEqualTo(literal("93.184.215.14"));
        assertThat(destination.host()).isEqualTo("hooks.example.com");
        assertThat(destination.port()).isEqualTo(8443);
    }

    @Test
    void given_an_inet_aton_spelling_then_it_is_the_ipv4_address_it_spells() {
        for (String spelling : List.of("2130706433", "0177.0.0.1", "127.1", "0x7f.1", "127.0.1", "0x7F000001")) {
            assertThat(PublicAddress.ipv4Literal(spelling)).as(spelling).hasValue(literal("127.0.0.1"));
        }
        assertThat(PublicAddress.ipv4Literal("1572394766")).hasValue(literal("93.184.215.14"));
        for (String name : List.of("hooks.example.com", "127.0.0.1.", "1.2.3.4.5", "256.1.1.1", "08.1.1.1",
                "4294967296", "127..1", "")) {
            assertThat(PublicAddress.ipv4Literal(name)).as(name).isEmpty();
        }
    }

    @Test
    void given_loopback_allowed_then_loopback_passes_over_http_and_private_networks_still_do_not() {
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost:8080/x", "http://[::1]:1/x",
                "https://127.0.0.1/x", "http://loopback.test:1/x", "http://2130706433:1/x")) {
            assertThat(loopbackAllowed.check(url)).as(url).isPresent();
        }
        for (String url : List.of("http://10.0.0.1/x", "https://10.0.0.1/x", "https://169.254.169.254/x",
                "http://hooks.example.com/x", "https://[fd00::1]/x", "https://100.64.0.1/x")) {
            assertThat(loopbackAllowed.check(url)).as(url).isEmpty();
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
