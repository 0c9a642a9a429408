package com.virtualoffice.registration.http;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCreated;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.assertUnauthorized;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.OpenApiContract;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/api.md, "Transport errors", unknown routes, request ids and health. */
class TransportTest extends ServiceTest {

    private static final int ONE_MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    private SellerWithKey seller;

    @BeforeEach
    void seller() {
        seller = operator.sellerOn("starter");
    }

    private Http.Request postCustomer() {
        return http.post("/api/customers").apiKey(seller.apiKey());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A valid creation body padded with an unknown property to exactly {@code size} bytes. */
    private static byte[] validBodyOfSize(int size) {
        String head = "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + uniqueEmail()
                + "\",\"padding\":\"";
        String tail = "\"}";
        String body = head + "x".repeat(size - head.length() - tail.length()) + tail;
        byte[] bytes = utf8(body);
        assertThat(bytes).hasSize(size);
        return bytes;
    }

    // 415

    @Test
    void given_a_text_plain_content_type_when_creating_then_415_unsupported_media_type() {
        var response = postCustomer().header("Content-Type", "text/plain")
                .json(Customers.withEmail(uniqueEmail())).send();
        assertError(response, 415, "Unsupported Media Type", "Unsupported Media Type");
    }

    @Test
    void given_other_non_json_content_types_when_creating_then_415_unsupported_media_type() {
        for (String type : List.of("application/xml", "application/x-www-form-urlencoded", "text/json",
                "multipart/form-data; boundary=x")) {
            var response = postCustomer().header("Content-Type", type).json(Customers.withEmail(uniqueEmail())).send();
            assertError(response, 415, "Unsupported Media Type", "Unsupported Media Type");
        }
    }

    @Test
    void given_no_content_type_when_creating_then_415_unsupported_media_type() {
        var response = postCustomer().body(utf8(Customers.withEmail(uniqueEmail()))).send();
        assertError(response, 415, "Unsupported Media Type", "Unsupported Media Type");
    }

    @Test
    void given_no_content_type_and_no_body_when_creating_then_415_unsupported_media_type() {
        var response = postCustomer().send();
        assertError(response, 415, "Unsupported Media Type", "Unsupported Media Type");
    }

    @Test
    void given_json_with_a_charset_parameter_when_creating_then_201() {
        var response = postCustomer().header("Content-Type", "application/json; charset=utf-8")
                .json("{\"first_name\":\"Zoë\",\"last_name\":\"Ünal\",\"email\":\"" + uniqueEmail() + "\"}").send();
        assertCreated(response);
        assertThat(response.field("first_name")).isEqualTo("Zoë");
        assertThat(response.field("last_name")).isEqualTo("Ünal");
    }

    @Test
    void given_json_content_type_in_other_letter_case_when_creating_then_201() {
        assertCreated(postCustomer().header("Content-Type", "Application/JSON").json(Customers.withEmail(uniqueEmail()))
                .send());
    }

    // 400 transport

    @Test
    void given_json_content_type_and_an_empty_body_when_creating_then_400_body_cannot_be_empty() {
        assertBadRequest(postCustomer().json("").send(),
                "Body cannot be empty when content-type is set to 'application/json'");
        assertBadRequest(postCustomer().header("Content-Type", "application/json").send(),
                "Body cannot be empty when content-type is set to 'application/json'");
    }

    @Test
    void given_unparseable_json_when_creating_then_400_body_is_not_valid_json() {
        for (String broken : List.of("{\"a\":", "{", "{first_name:\"A\"}", "{'first_name':'A'}",
                "{\"first_name\":\"A\",}", "{\"a\":1}{}", "{\"a\":1} x", "nope", "[1,]")) {
            assertBadRequest(postCustomer().json(broken).send(),
                    "Body is not valid JSON but content-type is set to 'application/json'");
        }
    }

    // 413

    @Test
    void given_a_body_over_1_mib_when_creating_then_413_request_body_is_too_large() {
        var response = postCustomer().json(new String(validBodyOfSize(ONE_MIB + 1), StandardCharsets.UTF_8)).send();
        assertError(response, 413, "Payload Too Large", "Request body is too large");
    }

    @Test
    void given_a_body_of_exactly_1_mib_when_creating_then_it_is_accepted() {
        var response = postCustomer().json(new String(validBodyOfSize(ONE_MIB), StandardCharsets.UTF_8)).send();
        assertCreated(response);
        assertThat(response.body()).doesNotContain("padding");
    }

    @Test
    void given_a_chunked_body_over_1_mib_without_content_length_when_creating_then_413() throws Exception {
        byte[] body = validBodyOfSize(ONE_MIB + ONE_MIB / 2);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/customers"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", seller.apiKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            OpenApiContract.assertConforms(new OpenApiContract.Exchange("POST", "/api/customers",
                    request.headers().map(), body, response.statusCode(), response.headers().map(),
                    response.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            var json = JSON.readTree(response.body());
            assertThat(propertyNames(json)).containsExactly("error", "message");
            assertThat(json.get("error").asString()).isEqualTo("Payload Too Large");
            assertThat(json.get("message").asString()).isEqualTo("Request body is too large");
        }
    }

    // 404 routes and ids

    @Test
    void given_an_unknown_api_route_when_posting_then_404_route_not_found_with_method_and_path() {
        assertError(http.post("/api/nothing").apiKey(seller.apiKey()).json("{}").send(),
                404, "Not Found", "Route POST:/api/nothing not found");
    }

    @Test
    void given_an_unknown_path_outside_the_api_when_getting_then_404_route_not_found() {
        assertError(http.get("/foo").send(), 404, "Not Found", "Route GET:/foo not found");
        assertError(http.get("/foo/bar").send(), 404, "Not Found", "Route GET:/foo/bar not found");
        assertError(http.post("/").json("{}").send(), 404, "Not Found", "Route POST:/ not found");
    }

    @Test
    void given_an_unknown_nested_api_route_when_getting_then_404_route_not_found() {
        String path = "/api/customers/" + UUID.randomUUID() + "/nothing/here";
        assertError(http.get(path).apiKey(seller.apiKey()).send(), 404, "Not Found",
                "Route GET:" + path + " not found");
    }

    @Test
    void given_a_known_path_with_an_unrouted_method_when_calling_then_404_route_not_found() {
        assertError(http.request("PUT", "/api/customers").apiKey(seller.apiKey())
                        .json(Customers.withEmail(uniqueEmail())).send(),
                404, "Not Found", "Route PUT:/api/customers not found");
    }

    @Test
    void given_an_id_that_is_not_a_uuid_when_reading_a_customer_then_404_customer_not_found() {
        assertCustomerNotFound(http.get("/api/customers/not-a-uuid").apiKey(seller.apiKey()).send());
    }

    // X-Request-Id

    @Test
    void given_any_request_when_answered_then_the_response_carries_an_x_request_id() {
        List<Http.Response> responses = Arrays.asList(
                postCustomer().json(Customers.withEmail(uniqueEmail())).send(),               // 201
                postCustomer().json("{}").send(),                                         // 400
                http.post("/api/customers").json("{}").send(),                            // 401
                http.get("/api/customers/" + UUID.randomUUID()).apiKey(seller.apiKey()).send(), // 404
                http.get("/foo").send(),                                                  // 404 route
                postCustomer().header("Content-Type", "text/plain").json("{}").send(),    // 415
                postCustomer().json(new String(validBodyOfSize(ONE_MIB + 1), StandardCharsets.UTF_8)).send(), // 413
                http.get("/actuator/health").send(),                                      // 200
                http.get("/admin/sellers/" + seller.sellerId()).send());                  // 401 admin
        for (Http.Response response : responses) {
            assertThat(response.header("X-Request-Id")).as("X-Request-Id of %d %s", response.status(),
                    response.body()).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        }
    }

    @Test
    void given_two_requests_without_a_request_id_when_answered_then_each_gets_its_own() {
        String first = http.get("/foo").send().header("X-Request-Id").orElseThrow();
        String second = http.get("/foo").send().header("X-Request-Id").orElseThrow();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void given_a_client_request_id_when_calling_then_the_answer_carries_the_services_own_id_instead() {
        String requestId = "client-req_" + System.nanoTime() + ".1:a";
        var created = postCustomer().header("X-Request-Id", requestId).json(Customers.withEmail(uniqueEmail())).send();
        assertCreated(created);
        var failed = postCustomer().header("X-Request-Id", requestId).json("[]").send();
        assertBadRequest(failed, "body must be object");
        var unauthorized = http.post("/api/customers").header("X-Request-Id", requestId).json("{}").send();
        assertUnauthorized(unauthorized, AuthenticationTest.MISSING);

        List<String> answered = Stream.of(created, failed, unauthorized)
                .map(response -> response.header("X-Request-Id").orElseThrow()).toList();
        assertThat(answered).doesNotContain(requestId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    // Health

    @Test
    void given_a_running_service_when_asking_for_health_then_status_up_and_the_probes_without_details() {
        var health = http.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        var json = health.json();
        assertThat(propertyNames(json)).containsExactly("groups", "status");
        assertThat(json.get("status").asString()).isEqualTo("UP");
        assertThat(json.get("groups").toString()).isEqualTo("[\"liveness\",\"readiness\"]");
    }
}
