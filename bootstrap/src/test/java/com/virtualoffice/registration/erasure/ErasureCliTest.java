package com.virtualoffice.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.CliRun;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code customer erase <seller id> <customer id>} on the command line, run against the running service's context
 * (the CLI closes the context it is given when done; this one is lent, and stays open), so that the customer it
 * erases is one made over HTTP and its effect is seen there.
 */
class ErasureCliTest extends ErasureSupport {

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void the_operator_erases_a_customer_on_the_command_line() {
        SellerWithKey seller = operator.sellerOn("free");
        Person person = Person.random();
        String id = create(seller, person);

        CliRun unknown = run("customer", "erase", seller.sellerId(), UUID.randomUUID().toString());
        CliRun erased = run("customer", "erase", seller.sellerId(), id);
        CliRun again = run("customer", "erase", seller.sellerId(), id);
        CliRun badId = run("customer", "erase", seller.sellerId(), "not-a-uuid");

        assertThat(unknown.exitCode()).as(unknown.err()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("No such customer ");
        assertThat(erased.exitCode()).as(erased.err()).isZero();
        assertThat(erased.out()).isEqualTo("erased customer " + id + System.lineSeparator());
        assertThat(again.exitCode()).isZero();
        assertThat(badId.exitCode()).isEqualTo(2);
        Http.Response history = http.get("/api/customers/" + id + "/history").apiKey(seller.apiKey()).send();
        assertThat(history.json().get("data").valueStream()
                .map(entry -> entry.get("type").asString()).toList())
                .containsExactly("customer.created", "customer.erased");
        assertThat(history.json().get("data").get(1).get("actor").get("type").asString()).isEqualTo("operator");
        assertThat(found(history.body(), person.values())).isEmpty();
    }

    private CliRun run(String... args) {
        return CliRun.of(this::lentContext, args);
    }

    /** The running context, whose close() does nothing. */
    private ConfigurableApplicationContext lentContext() {
        return (ConfigurableApplicationContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurableApplicationContext.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(context, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
