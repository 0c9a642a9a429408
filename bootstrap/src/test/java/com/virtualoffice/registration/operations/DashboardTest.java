package com.virtualoffice.registration.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.Scrape;
import com.virtualoffice.registration.support.ServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/grafana/registration.json asks only for meters the service exports: no panel stays empty for a typo. */
class DashboardTest extends ServiceTest {

    private static final Path DASHBOARD = Path.of("..", "docs", "grafana", "registration.json");
    /** A metric name right before its label selector, as every query of the dashboard writes it. */
    private static final Pattern METRIC = Pattern.compile("([a-z_][a-z0-9_]*)\\{");

    @Test
    void every_meter_the_dashboard_queries_is_exported() throws IOException {
        SellerWithKey seller = operator.sellerOn("starter");
        http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail(UUID.randomUUID() + "@example.com")).send();
        // The service runs in this JVM: a collection makes sure the GC pause meter has a first sample.
        System.gc();

        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : JsonMapper.builder().build().readTree(Files.readString(DASHBOARD)).path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = METRIC.matcher(target.get("expr").asString());
                while (metric.find()) {
                    queried.add(metric.group(1));
                }
            }
        }
        Scrape scrape = Scrape.of(http, ADMIN_TOKEN);

        assertThat(queried).hasSizeGreaterThan(20).allSatisfy(name ->
                assertThat(scrape.has(name)).as("%s is exported", name).isTrue());
    }
}
