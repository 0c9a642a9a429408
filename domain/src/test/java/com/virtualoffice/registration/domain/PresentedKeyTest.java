package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.CHANGED_AT;
import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;

import com.virtualoffice.registration.domain.Rejection.PresentedKeyNotHeld;
import com.virtualoffice.registration.domain.Rejection.PresentedKeyRevoked;
import com.virtualoffice.registration.domain.SellerCommand.RevokeApiKey;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyDeleted;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyRevoked;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A seller acts through a key only while it holds the key unrevoked. */
class PresentedKeyTest {

    private static final UUID KEY = UUID.fromString("a91c0000-0000-4000-8000-0000000000aa");
    private static final ApiKeyIssued KEY_ISSUED = keyIssued(SELLER, KEY);
    private static final ApiKeyRevoked KEY_REVOKED = new ApiKeyRevoked(SELLER, KEY, CHANGED_AT);

    @Test
    void a_command_sent_with_a_key_the_seller_holds_is_decided_as_usual() {
        given(sellerRegistered(FREE), KEY_ISSUED)
                .when(Presented.withKey(registerCustomer("ada@example.com"), KEY))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void a_command_sent_with_a_revoked_key_is_refused_as_revoked() {
        given(sellerRegistered(FREE), KEY_ISSUED, KEY_REVOKED)
                .when(Presented.withKey(registerCustomer("ada@example.com"), KEY))
                .thenRejectedWith(new PresentedKeyRevoked());
    }

    @Test
    void a_command_sent_with_a_deleted_key_is_refused_as_not_held() {
        given(sellerRegistered(FREE), KEY_ISSUED, KEY_REVOKED, new ApiKeyDeleted(SELLER, KEY, CHANGED_AT))
                .when(Presented.withKey(registerCustomer("ada@example.com"), KEY))
                .thenRejectedWith(new PresentedKeyNotHeld());
    }

    @Test
    void a_command_sent_with_another_sellers_key_is_refused_as_not_held() {
        UUID othersKey = UUID.fromString("a91c0000-0000-4000-8000-0000000000bb");

        given(sellerRegistered(FREE), KEY_ISSUED)
                .when(Presented.withKey(registerCustomer("ada@example.com"), othersKey))
                .thenRejectedWith(new PresentedKeyNotHeld());
    }

    @Test
    void a_command_sent_without_a_key_is_decided_whatever_the_keys() {
        given(sellerRegistered(FREE), KEY_ISSUED, KEY_REVOKED)
                .when(Presented.withoutKey(registerCustomer("ada@example.com")))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void a_revocation_decided_in_a_batch_refuses_the_keys_commands_after_it_and_not_before() {
        var together = given(sellerRegistered(FREE), KEY_ISSUED).whenTogether(
                Presented.withKey(registerCustomer("before@example.com"), KEY),
                Presented.withoutKey(new RevokeApiKey(SELLER, KEY, NOW)),
                Presented.withKey(registerCustomer("after@example.com"), KEY));

        together.then(0).thenSingleEvent(CustomerRegistered.class);
        together.then(1).thenSingleEvent(ApiKeyRevoked.class);
        together.then(2).thenRejectedWith(new PresentedKeyRevoked());
    }

    private static ApiKeyIssued keyIssued(UUID seller, UUID apiKeyId) {
        return new ApiKeyIssued(seller, apiKeyId, "ci pipeline", "sha256:" + apiKeyId, "sk_live_abc", null,
                SellerScenario.SELLER_SINCE);
    }
}
