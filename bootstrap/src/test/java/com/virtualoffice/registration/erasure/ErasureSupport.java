package com.virtualoffice.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A customer whose every personal value is its own, to be found in a database dump or an answer if any survived:
 * random letters g to z, which no UUID, hex digit run or other test's data contains.
 */
abstract class ErasureSupport extends ServiceTest {

    /** The personal values of one customer, as sent. */
    record Person(String firstName, String lastName, String email, String companyName, String street, String city,
                  String postalCode) {

        static Person random() {
            return new Person("Zoë" + token(), "Łuk" + token(), "Quo." + token() + "@Example" + token() + ".org",
                    "Müller " + token() + " GmbH", "Straße " + token(), "Stadt" + token(), "PLZ" + token());
        }

        /** Every value to search for; the email also in lower case, as a case-insensitive index might hold it. */
        List<String> values() {
            List<String> values = new ArrayList<>(List.of(firstName, lastName, email, email.toLowerCase(),
                    companyName, street, city, postalCode));
            return values;
        }

        String json() {
            return """
                    {"first_name": "%s", "last_name": "%s", "email": "%s", "company_name": "%s",
                     "legal_entity": "GmbH", "language": "de",
                     "address_data": {"street": "%s", "city": "%s", "postal_code": "%s", "country": "DE"},
                     "postal_redirect_address": {"street": "%s", "city": "%s", "postal_code": "%s", "country": "AT"}}
                    """.formatted(firstName, lastName, email, companyName, street, city, postalCode, street, city,
                    postalCode);
        }
    }

    private static String token() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            token.append((char) ('g' + ThreadLocalRandom.current().nextInt(20)));
        }
        return token.toString();
    }

    String create(SellerWithKey seller, Person person) {
        Http.Response created = http.post("/api/customers").apiKey(seller.apiKey()).json(person.json()).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.field("id");
    }

    Http.Response erase(SellerWithKey seller, String customerId) {
        return http.post("/api/customers/" + customerId + "/erase").apiKey(seller.apiKey()).send();
    }

    void assertErased(SellerWithKey seller, String customerId) {
        Http.Response erased = erase(seller, customerId);
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
    }

    /** The seller's customer count as operators see it. */
    int customerCount(SellerWithKey seller) {
        Http.Response found = http.get("/admin/sellers/" + seller.sellerId()).bearer(ADMIN_TOKEN).send();
        assertThat(found.status()).isEqualTo(200);
        return found.json().get("customer_count").asInt();
    }

    /** Which of the values the text holds, ignoring letter case. */
    static List<String> found(String text, List<String> values) {
        String lower = text.toLowerCase();
        return values.stream().filter(value -> lower.contains(value.toLowerCase())).toList();
    }
}
