package com.virtualoffice.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.persistence.ReadModelRebuild;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ReadModelRows;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 18: the read models rebuilt from events that include erasures are the live ones, row for row. */
class ErasureReplayTest extends ErasureSupport {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("allReadModels")
    private ReadModelRebuild rebuild;

    @Test
    void a_replay_and_a_verify_after_erasures_find_the_live_read_models() {
        List<UUID> sellers = new ArrayList<>();
        for (String plan : List.of("free", "starter")) {
            SellerWithKey seller = operator.sellerOn(plan);
            sellers.add(UUID.fromString(seller.sellerId()));
            String kept = create(seller, Person.random());
            String live = create(seller, Person.random());
            String deleted = create(seller, Person.random());
            String erasedTwice = create(seller, Person.random());
            patch(seller, live, "{\"first_name\": \"Changed\", \"status\": \"inactive\"}");
            patch(seller, kept, "{\"company_name\": null}");
            assertThat(http.request("DELETE", "/api/customers/" + deleted).apiKey(seller.apiKey()).send().status())
                    .isEqualTo(204);
            assertErased(seller, live);
            assertErased(seller, deleted);
            assertErased(seller, erasedTwice);
            assertErased(seller, erasedTwice);
            assertThat(customerCount(seller)).isEqualTo(1);
        }
        List<String> before = ReadModelRows.of(jdbc, sellers);
        assertThat(before).filteredOn(row -> row.startsWith("event ")).hasSize(2 * (4 + 2 + 1 + 3));

        assertThat(rebuild.rebuild()).isPositive();

        assertThat(ReadModelRows.of(jdbc, sellers)).isEqualTo(before);
        for (String projection : List.of("customers", "customer-events")) {
            Http.Response verified = http.post("/admin/projections/" + projection + "/verify").bearer(ADMIN_TOKEN)
                    .send();
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().get("equal").asBoolean()).as(verified.body()).isTrue();
        }
    }

    private void patch(SellerWithKey seller, String id, String json) {
        assertThat(http.request("PATCH", "/api/customers/" + id).apiKey(seller.apiKey()).json(json).send().status())
                .isEqualTo(200);
    }
}
