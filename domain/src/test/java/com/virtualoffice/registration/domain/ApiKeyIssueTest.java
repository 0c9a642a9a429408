package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.customersRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.issueApiKey;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.stateAfter;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyIssueTest {

    @Test
    void a_registered_seller_is_issued_a_key_recorded_by_its_hash_and_prefix() {
        IssueApiKey command = issueApiKey();

        given(sellerRegistered(FREE))
                .when(command)
                .thenEvents(new ApiKeyIssued(SELLER, command.apiKeyId(), "ci pipeline", command.keyHash(),
                        command.keyPrefix(), command.expiresAt(), NOW));
    }

    @Test
    void a_key_without_expiry_is_recorded_as_never_expiring() {
        IssueApiKey command = new IssueApiKey(SELLER, UUID.randomUUID(), null, "sha256:abc", "vo_live_abc",
                null, NOW);

        ApiKeyIssued issued = given(sellerRegistered(FREE)).when(command).thenSingleEvent(ApiKeyIssued.class);

        assertThat(issued.expiresAt()).isNull();
        assertThat(issued.name()).isNull();
        assertThat(issued.keyHash()).isEqualTo("sha256:abc");
        assertThat(issued.keyPrefix()).isEqualTo("vo_live_abc");
        assertThat(issued.issuedAt()).isEqualTo(NOW);
    }

    @Test
    void the_issued_event_has_room_for_the_hash_and_prefix_and_nothing_else_about_the_key() {
        List<String> components = Arrays.stream(ApiKeyIssued.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();

        assertThat(components).containsExactly(
                "sellerId", "apiKeyId", "name", "keyHash", "keyPrefix", "expiresAt", "issuedAt");
    }

    @Test
    void a_seller_at_its_customer_limit_can_still_be_issued_a_key() {
        given(sellerRegistered(FREE)).and(customersRegistered(2))
                .when(issueApiKey())
                .thenSingleEvent(ApiKeyIssued.class);
    }

    @Test
    void issuing_a_key_changes_nothing_the_customer_rules_depend_on() {
        IssueApiKey command = issueApiKey();
        ApiKeyIssued issued = new ApiKeyIssued(SELLER, command.apiKeyId(), command.name(), command.keyHash(),
                command.keyPrefix(), command.expiresAt(), command.issuedAt());

        SellerState state = stateAfter(List.of(sellerRegistered(FREE), issued, issued));
        assertThat(state.liveCustomers()).isZero();
        assertThat(state.plan()).isEqualTo(FREE);

        given(sellerRegistered(FREE), issued).and(customersRegistered(2))
                .when(registerCustomer("late@example.com"))
                .thenRejectedWith(new CustomerLimitReached(2));
    }
}
