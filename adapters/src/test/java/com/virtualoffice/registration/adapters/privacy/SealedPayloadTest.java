package com.virtualoffice.registration.adapters.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class SealedPayloadTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final UUID SELLER = UUID.fromString("6f1f4bde-0c1e-4a55-9d8e-3f4c6b1a2d10");
    private static final UUID CUSTOMER = UUID.fromString("0b7e2f3a-9c44-4d1a-8e5f-71c2d3b4a596");
    private static final byte[] SEALED = {1, 2, 3, (byte) 0xfb, (byte) 0xff, 63, 62};
    private static final String SEALED_TEXT = Base64.getEncoder().encodeToString(SEALED);

    @Test
    void given_a_stored_event_then_its_ids_and_sealed_value_are_read_and_the_personal_fields_take_its_place() {
        String stored = "{\"sellerId\":\"" + SELLER + "\",\"customerId\":\"" + CUSTOMER
                + "\",\"registeredAt\":\"2026-12-03T17:00:00Z\",\"address\":null,\"sealed\":\"" + SEALED_TEXT
                + "\",\"plan\":{\"name\":\"x\",\"sealed\":\"not this one\"}}";

        SealedPayload payload = SealedPayload.read(bytes(stored));
        byte[] opened = payload.opened(bytes("{\"firstName\":\"Anna\",\"email\":\"anna@example.com\"}"));

        assertThat(payload.sellerId()).isEqualTo(SELLER);
        assertThat(payload.customerId()).isEqualTo(CUSTOMER);
        assertThat(payload.sealed()).isEqualTo(SEALED);
        assertThat(JSON.readTree(opened)).isEqualTo(JSON.readTree("{\"sellerId\":\"" + SELLER + "\",\"customerId\":\""
                + CUSTOMER + "\",\"registeredAt\":\"2026-12-03T17:00:00Z\",\"address\":null,\"firstName\":\"Anna\","
                + "\"email\":\"anna@example.com\",\"plan\":{\"name\":\"x\",\"sealed\":\"not this one\"}}"));
    }

    @Test
    void given_no_key_then_the_sealed_member_and_one_comma_are_left_out_wherever_it_stands() {
        String ids = "\"sellerId\":\"" + SELLER + "\", \"customerId\":\"" + CUSTOMER + "\"";
        String sealed = "\"sealed\" : \"" + SEALED_TEXT + "\"";

        for (String stored : new String[] {"{" + ids + ", " + sealed + "}", "{ " + sealed + " ,\n" + ids + "}",
                "{\"sellerId\":\"" + SELLER + "\"," + sealed + ",\"customerId\":\"" + CUSTOMER + "\"}"}) {
            JsonNode opened = JSON.readTree(SealedPayload.read(bytes(stored)).opened(null));

            assertThat(opened).as(stored).isEqualTo(JSON.readTree("{" + ids + "}"));
        }
    }

    @Test
    void given_an_empty_personal_object_then_it_reads_as_no_key() {
        String stored = "{\"sellerId\":\"" + SELLER + "\",\"customerId\":\"" + CUSTOMER + "\",\"sealed\":\""
                + SEALED_TEXT + "\"}";

        byte[] opened = SealedPayload.read(bytes(stored)).opened(bytes(" { } "));

        assertThat(JSON.readTree(opened)).isEqualTo(JSON.readTree("{\"sellerId\":\"" + SELLER
                + "\",\"customerId\":\"" + CUSTOMER + "\"}"));
    }

    @Test
    void given_an_event_without_its_ids_or_with_an_escaped_sealed_value_then_it_is_refused_by_name() {
        String escaped = "{\"sellerId\":\"" + SELLER + "\",\"customerId\":\"" + CUSTOMER + "\",\"sealed\":\"ab\\/cd\"}";

        assertThatThrownBy(() -> SealedPayload.read(bytes("{\"sealed\":\"" + SEALED_TEXT + "\"}")))
                .hasMessageContaining("a sealed customer event lacks");
        assertThatThrownBy(() -> SealedPayload.read(bytes(escaped)))
                .hasMessageContaining("a sealed customer event lacks");
        assertThatThrownBy(() -> SealedPayload.read(bytes("[]")))
                .hasMessageContaining("has no '{' where one belongs");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
