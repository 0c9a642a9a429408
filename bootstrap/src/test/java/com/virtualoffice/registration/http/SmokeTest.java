package com.virtualoffice.registration.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.ServiceTest;
import org.junit.jupiter.api.Test;

class SmokeTest extends ServiceTest {

    @Test
    void a_registered_customer_can_be_read_back() {
        var seller = operator.sellerOn("free");
        var created = http.post("/api/customers").apiKey(seller.apiKey())
                .json("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"ada@example.com\"}").send();
        assertThat(created.status()).isEqualTo(201);
        var read = http.get("/api/customers/" + created.field("id")).apiKey(seller.apiKey()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }
}
