package com.virtualoffice.registration.adapters.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class JsonMembersTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final JsonMembers personal = new JsonMembers(List.of("email", "address"));

    @Test
    void given_values_of_every_kind_then_each_member_goes_whole_to_its_side_in_its_order() {
        String event = """
                {"sellerId":"s-1","email":"a\\"}{,b@example.com","count":-1.5e3,"address":{"street":"Hauptstr. 1",\
                "lines":["c/o \\\\ \\"x\\"",null,{"n":[]}]},"deleted":false,"note":null,"tags":[1,[2,{}]]}""";

        JsonMembers.Split split = personal.split(bytes(event));

        assertThat(JSON.readTree(split.chosen())).isEqualTo(JSON.readTree("""
                {"email":"a\\"}{,b@example.com","address":{"street":"Hauptstr. 1",\
                "lines":["c/o \\\\ \\"x\\"",null,{"n":[]}]}}"""));
        assertThat(JSON.readTree(split.others())).isEqualTo(JSON.readTree("""
                {"sellerId":"s-1","count":-1.5e3,"deleted":false,"note":null,"tags":[1,[2,{}]]}"""));
        assertThat(new String(split.others(), StandardCharsets.UTF_8)).startsWith("{\"sellerId\":\"s-1\",\"count\"");
    }

    @Test
    void given_white_space_and_non_ascii_text_then_the_split_is_the_same() {
        String event = " {\n \"email\" : \"jürgen@example.de\" ,\t\"emailVerified\" : true , \"address\" : null\r\n} ";

        JsonMembers.Split split = personal.split(bytes(event));

        assertThat(JSON.readTree(split.chosen()))
                .isEqualTo(JSON.readTree("{\"email\":\"jürgen@example.de\",\"address\":null}"));
        assertThat(JSON.readTree(split.others())).isEqualTo(JSON.readTree("{\"emailVerified\":true}"));
    }

    @Test
    void given_no_member_of_a_side_then_that_side_is_an_empty_object() {
        assertThat(JSON.readTree(personal.split(bytes("{}")).chosen())).isEqualTo(JSON.readTree("{}"));
        assertThat(JSON.readTree(personal.split(bytes("{\"id\":1}")).chosen())).isEqualTo(JSON.readTree("{}"));
        assertThat(JSON.readTree(personal.split(bytes("{\"email\":\"x\"}")).others())).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void given_what_is_not_a_whole_object_then_it_is_refused_rather_than_cut_wrong() {
        for (String broken : new String[] {"", "[]", "{\"email\":\"x\"", "{\"email\" \"x\"}", "{\"email\":\"x}",
                "{\"email\":{\"a\":1}"}) {
            assertThatThrownBy(() -> personal.split(bytes(broken))).as(broken)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
