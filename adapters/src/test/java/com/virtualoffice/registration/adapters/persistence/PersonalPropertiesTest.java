package com.virtualoffice.registration.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import org.junit.jupiter.api.Test;

class PersonalPropertiesTest {

    private static final PersonalProperties PROPERTIES = PersonalProperties.OF_CUSTOMER_EVENTS;

    /** A registration as the first schema stored it (stored-events/revision-1.json). */
    private static final String REGISTERED = """
            {"sellerId":"cd0616a9-24bf-4800-b189-bc7408788afb","customerId":"bcd80a25-eef8-408c-b73d-989399c7cb96",\
            "firstName":"Jürgen","lastName":"Müller","email":"J.Mueller@Example.de","companyName":"Müller & Söhne",\
            "legalEntity":"GmbH","language":"DE","status":"ACTIVE","address":{"street":"Hauptstraße 1",\
            "city":"Berlin","postalCode":"10115","country":"DE"},"postalRedirectAddress":{"street":null,"city":null,\
            "postalCode":null,"country":null},"registeredAt":"2026-11-27T13:15:38.873Z"}""";

    private static final String UPDATED_EMAIL = """
            {"sellerId":"cd0616a9-24bf-4800-b189-bc7408788afb","customerId":"bcd80a25-eef8-408c-b73d-989399c7cb96",\
            "changed":["EMAIL","COMPANY_NAME","LANGUAGE","STATUS"],"firstName":null,"lastName":null,\
            "email":"juergen@example.de","companyName":null,"legalEntity":null,"language":"EN","status":"INACTIVE",\
            "address":null,"postalRedirectAddress":null,"updatedAt":"2026-11-27T13:15:39.010Z"}""";

    @Test
    void the_properties_are_the_event_components_that_hold_the_personal_fields() {
        assertThat(PROPERTIES.personal()).containsExactly("firstName", "lastName", "email", "companyName",
                "address", "postalRedirectAddress");
        assertThat(PROPERTIES.customerIdProperty()).isEqualTo("customerId");
        assertThat(PROPERTIES.payloadTypes())
                .containsExactly(CustomerRegistered.class.getName(), CustomerUpdated.class.getName());
    }

    @Test
    void given_a_stored_registration_when_scrubbed_then_only_its_personal_fields_become_null() {
        var scrubbed = PROPERTIES.scrub(REGISTERED).orElseThrow();

        assertThat(scrubbed.payload()).isEqualTo("""
                {"sellerId":"cd0616a9-24bf-4800-b189-bc7408788afb",\
                "customerId":"bcd80a25-eef8-408c-b73d-989399c7cb96","firstName":null,"lastName":null,"email":null,\
                "companyName":null,"legalEntity":"GmbH","language":"DE","status":"ACTIVE","address":null,\
                "postalRedirectAddress":null,"registeredAt":"2026-11-27T13:15:38.873Z"}""");
        assertThat(scrubbed.erased()).containsExactly("firstName", "lastName", "email", "companyName", "address",
                "postalRedirectAddress");
    }

    @Test
    void given_a_stored_update_when_scrubbed_then_the_erased_properties_are_the_ones_it_changed() {
        var scrubbed = PROPERTIES.scrub(UPDATED_EMAIL).orElseThrow();

        assertThat(scrubbed.payload()).doesNotContain("juergen").contains("\"email\":null", "\"language\":\"EN\"",
                "\"changed\":[\"EMAIL\",\"COMPANY_NAME\",\"LANGUAGE\",\"STATUS\"]");
        assertThat(scrubbed.erased()).containsExactly("email");
    }

    @Test
    void given_a_payload_without_personal_values_when_scrubbed_then_there_is_nothing_to_rewrite() {
        String statusOnly = UPDATED_EMAIL.replace("\"juergen@example.de\"", "null");

        assertThat(PROPERTIES.scrub(statusOnly)).isEmpty();
        // Once rewritten, an event is never rewritten again.
        assertThat(PROPERTIES.scrub(PROPERTIES.scrub(REGISTERED).orElseThrow().payload())).isEmpty();
    }

    @Test
    void a_payload_that_is_no_object_is_refused() {
        assertThatThrownBy(() -> PROPERTIES.scrub("[\"x\"]"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
