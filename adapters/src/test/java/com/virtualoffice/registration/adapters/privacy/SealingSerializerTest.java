package com.virtualoffice.registration.adapters.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SealingSerializerTest {

    @Test
    void every_personal_field_is_a_json_property_of_both_customer_events_and_no_other_field_is_sealed() {
        List<String> sealed = Arrays.stream(CustomerField.values()).filter(CustomerField::personal)
                .map(SealingSerializer::property).toList();

        assertThat(sealed).containsExactly("firstName", "lastName", "email", "companyName", "address",
                "postalRedirectAddress");
        assertThat(components(CustomerRegistered.class)).containsAll(sealed).contains("customerId", "sellerId");
        assertThat(components(CustomerUpdated.class)).containsAll(sealed).contains("customerId", "sellerId");
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
