package com.virtualoffice.registration.contract;

import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.client.ApiClient;
import com.virtualoffice.registration.client.api.CustomersApi;
import com.virtualoffice.registration.client.model.AddressInput;
import com.virtualoffice.registration.client.model.Customer;
import com.virtualoffice.registration.client.model.CustomerCreate;
import com.virtualoffice.registration.client.model.CustomerStatus;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/api.md, "Clients": the Java client that the OpenAPI Generator makes from docs/api/openapi.yaml in every
 * build (bootstrap's pom, library "native") registers a customer and reads it back against the running service.
 */
class GeneratedClientTest extends ServiceTest {

    @LocalServerPort
    private int port;

    @Test
    void the_generated_client_creates_a_customer_and_gets_it() throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("X-API-Key", seller.apiKey()));
        CustomersApi customers = new CustomersApi(client);
        String email = uniqueEmail();

        Customer created = customers.createCustomer(new CustomerCreate().firstName("Ada").lastName("Lovelace")
                .email(email).addressData(new AddressInput().city("London")), null, null);
        Customer read = customers.getCustomer(created.getId(), null, null);

        assertThat(created.getEmail()).isEqualTo(email);
        assertThat(created.getStatus()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(read.getId()).isEqualTo(created.getId());
        assertThat(read.getFirstName()).isEqualTo("Ada");
        assertThat(read.getAddressData().getCity()).isEqualTo("London");
        assertThat(read.getCreatedAt()).isEqualTo(created.getCreatedAt());
    }
}
