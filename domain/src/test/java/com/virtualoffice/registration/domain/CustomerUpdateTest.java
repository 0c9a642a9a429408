package com.virtualoffice.registration.domain;

import static com.virtualoffice.registration.domain.SellerScenario.FREE;
import static com.virtualoffice.registration.domain.SellerScenario.NOW;
import static com.virtualoffice.registration.domain.SellerScenario.OTHER_SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.PRO;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER;
import static com.virtualoffice.registration.domain.SellerScenario.SELLER_SINCE;
import static com.virtualoffice.registration.domain.SellerScenario.changeEmail;
import static com.virtualoffice.registration.domain.SellerScenario.customerDeleted;
import static com.virtualoffice.registration.domain.SellerScenario.customerIdFor;
import static com.virtualoffice.registration.domain.SellerScenario.customerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.emailChanged;
import static com.virtualoffice.registration.domain.SellerScenario.given;
import static com.virtualoffice.registration.domain.SellerScenario.givenNothing;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomer;
import static com.virtualoffice.registration.domain.SellerScenario.registerCustomerAs;
import static com.virtualoffice.registration.domain.SellerScenario.sellerRegistered;
import static com.virtualoffice.registration.domain.SellerScenario.updateCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerUpdateTest {

    private static final String JANE = "jane@example.com";
    private static final String JOHN = "john@example.com";

    private static final Address OFFICE = new Address("Friedrichstraße 123", "Berlin", "10117", "DE");
    private static final Address REDIRECT = new Address("Rue de Rivoli 1", "Paris", "75001", "FR");
    private static final Address NEW_OFFICE = new Address("Marienplatz 1", "München", "80331", "DE");

    // ------------------------------------------------------------------------------------ accepted changes

    @Test
    void every_field_changed_is_recorded_with_its_new_value_at_the_command_instant() {
        CustomerChanges changes = CustomerChanges.none()
                .withFirstName("Janet")
                .withLastName("Doe-Smith")
                .withEmail(new Email("Janet.Doe@Example.org"))
                .withCompanyName("Doe Holdings")
                .withLegalEntity("AG")
                .withLanguage(Language.EN)
                .withStatus(CustomerStatus.SUSPENDED)
                .withAddress(NEW_OFFICE)
                .withPostalRedirectAddress(REDIRECT);

        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(updateCustomer(JANE, changes))
                .thenEvents(new CustomerUpdated(SELLER, customerIdFor(JANE), EnumSet.allOf(CustomerField.class),
                        "Janet", "Doe-Smith", "Janet.Doe@Example.org", "Doe Holdings", "AG", Language.EN,
                        CustomerStatus.SUSPENDED, NEW_OFFICE, REDIRECT, NOW));
    }

    @Test
    void only_the_changed_fields_are_listed_and_the_unchanged_ones_carry_no_value() {
        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(updateCustomer(JANE, CustomerChanges.none().withFirstName("Janet")
                        .withStatus(CustomerStatus.INACTIVE)))
                .thenEvents(new CustomerUpdated(SELLER, customerIdFor(JANE),
                        Set.of(CustomerField.FIRST_NAME, CustomerField.STATUS), "Janet", null, null, null, null,
                        null, CustomerStatus.INACTIVE, null, null, NOW));
    }

    @ParameterizedTest
    @EnumSource(CustomerField.class)
    void a_single_changed_field_is_the_only_one_listed_and_the_only_one_with_a_value(CustomerField field) {
        CustomerUpdated updated = given(sellerRegistered(FREE), registeredWithEverything(JANE))
                .when(updateCustomer(JANE, changeOf(field).apply(CustomerChanges.none())))
                .thenSingleEvent(CustomerUpdated.class);

        assertThat(updated.changed()).containsExactly(field);
        assertThat(updated.sellerId()).isEqualTo(SELLER);
        assertThat(updated.customerId()).isEqualTo(customerIdFor(JANE));
        assertThat(updated.updatedAt()).isEqualTo(NOW);
        Map<CustomerField, Object> values = valuesOf(updated);
        for (CustomerField other : CustomerField.values()) {
            if (other == field) {
                assertThat(values.get(other)).as("value of the changed %s", other).isNotNull();
            } else {
                assertThat(values.get(other)).as("value of the unchanged %s", other).isNull();
            }
        }
    }

    @Test
    void the_changed_fields_set_of_the_event_cannot_be_modified() {
        CustomerUpdated updated = given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(updateCustomer(JANE, CustomerChanges.none().withLastName("Doe")))
                .thenSingleEvent(CustomerUpdated.class);

        assertThatThrownBy(() -> updated.changed().add(CustomerField.EMAIL))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void clearing_the_optional_fields_lists_them_as_changed_with_no_value() {
        CustomerChanges clearing = CustomerChanges.none()
                .withCompanyName(null)
                .withLegalEntity(null)
                .withAddress(null)
                .withPostalRedirectAddress(null);

        given(sellerRegistered(FREE), registeredWithEverything(JANE))
                .when(updateCustomer(JANE, clearing))
                .thenEvents(new CustomerUpdated(SELLER, customerIdFor(JANE),
                        Set.of(CustomerField.COMPANY_NAME, CustomerField.LEGAL_ENTITY, CustomerField.ADDRESS,
                                CustomerField.POSTAL_REDIRECT_ADDRESS),
                        null, null, null, null, null, null, null, null, null, NOW));
    }

    @Test
    void clearing_one_optional_field_next_to_changing_another_keeps_both_apart() {
        CustomerUpdated updated = given(sellerRegistered(FREE), registeredWithEverything(JANE))
                .when(updateCustomer(JANE, CustomerChanges.none().withCompanyName(null).withAddress(NEW_OFFICE)))
                .thenSingleEvent(CustomerUpdated.class);

        assertThat(updated.changed()).containsExactlyInAnyOrder(CustomerField.COMPANY_NAME, CustomerField.ADDRESS);
        assertThat(updated.companyName()).isNull();
        assertThat(updated.address()).isEqualTo(NEW_OFFICE);
        assertThat(updated.postalRedirectAddress()).isNull();
    }

    @Test
    void an_empty_address_is_a_new_value_not_a_clearing() {
        CustomerUpdated updated = given(sellerRegistered(FREE), registeredWithEverything(JANE))
                .when(updateCustomer(JANE, CustomerChanges.none().withAddress(Address.EMPTY)))
                .thenSingleEvent(CustomerUpdated.class);

        assertThat(updated.changed()).containsExactly(CustomerField.ADDRESS);
        assertThat(updated.address()).isEqualTo(Address.EMPTY);
    }

    @Test
    void a_changed_email_is_recorded_as_written_not_as_its_uniqueness_key() {
        CustomerUpdated updated = given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(changeEmail(JANE, "Jane.New@Example.COM"))
                .thenSingleEvent(CustomerUpdated.class);

        assertThat(updated.email()).isEqualTo("Jane.New@Example.COM");
    }

    @Test
    void a_customer_can_be_updated_when_the_plan_is_full() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN))
                .when(changeEmail(JANE, "jane.new@example.com"))
                .thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void a_customer_can_be_updated_again_after_an_earlier_update() {
        given(sellerRegistered(FREE), customerRegistered(JANE), emailChanged(JANE, "jane.new@example.com"))
                .when(updateCustomer(JANE, CustomerChanges.none().withLastName("Doe")))
                .thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void an_update_without_an_email_change_leaves_the_customer_holding_its_email() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE));
        CustomerUpdated updated = scenario
                .when(updateCustomer(JANE, CustomerChanges.none().withFirstName("Janet").withCompanyName("X")))
                .thenSingleEvent(CustomerUpdated.class);

        SellerState after = scenario.and(updated).state();

        assertThat(after.liveCustomers()).isEqualTo(1);
        assertThat(after.customerHolding(new Email(JANE))).contains(customerIdFor(JANE));
        assertThat(after.customers().asMap()).containsExactly(Map.entry(customerIdFor(JANE), CustomerIndex.hashOf(JANE)));
    }

    // ------------------------------------------------------------------------- required fields stay present

    @ParameterizedTest
    @EnumSource(value = CustomerField.class, names = {"FIRST_NAME", "LAST_NAME", "EMAIL", "LANGUAGE", "STATUS"})
    void a_required_field_cannot_be_cleared(CustomerField required) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerChanges.none().with(required, null))
                .withMessageContaining(required.name());
    }

    @ParameterizedTest
    @EnumSource(value = CustomerField.class, names = {"FIRST_NAME", "LAST_NAME", "EMAIL", "LANGUAGE", "STATUS"})
    void a_required_field_cannot_be_cleared_through_the_builder_either(CustomerField required) {
        UnaryOperator<CustomerChanges> clearing = switch (required) {
            case FIRST_NAME -> changes -> changes.withFirstName(null);
            case LAST_NAME -> changes -> changes.withLastName(null);
            case EMAIL -> changes -> changes.withEmail(null);
            case LANGUAGE -> changes -> changes.withLanguage(null);
            case STATUS -> changes -> changes.withStatus(null);
            default -> throw new IllegalArgumentException(required + " is optional");
        };

        assertThatIllegalArgumentException()
                .isThrownBy(() -> clearing.apply(CustomerChanges.none().withCompanyName("Other changes")))
                .withMessageContaining(required.name());
    }

    @ParameterizedTest
    @EnumSource(value = CustomerField.class,
            names = {"COMPANY_NAME", "LEGAL_ENTITY", "ADDRESS", "POSTAL_REDIRECT_ADDRESS"})
    void an_optional_field_can_be_cleared(CustomerField optional) {
        CustomerChanges clearing = CustomerChanges.none().with(optional, null);

        assertThat(clearing.changed()).containsExactly(optional);
        assertThat(clearing.changes(optional)).isTrue();
    }

    @Test
    void a_value_of_another_type_than_the_field_takes_is_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerChanges.none().with(CustomerField.LANGUAGE, "en"))
                .withMessageContaining("LANGUAGE takes a Language");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CustomerChanges.none().with(CustomerField.EMAIL, new Email(JANE)))
                .withMessageContaining("EMAIL takes a String");
    }

    @Test
    void a_required_field_may_stay_absent_when_it_is_not_changed() {
        CustomerChanges changes = CustomerChanges.none().withCompanyName("Acme");

        assertThat(changes.changes(CustomerField.FIRST_NAME)).isFalse();
        assertThat(changes.valueOf(CustomerField.FIRST_NAME)).isNull();
        assertThat(changes.changed()).containsExactly(CustomerField.COMPANY_NAME);
    }

    @Test
    void the_values_given_to_changes_are_copied_not_shared() {
        Map<CustomerField, Object> values = new EnumMap<>(Map.of(CustomerField.COMPANY_NAME, "Acme"));
        CustomerChanges changes = new CustomerChanges(values);

        values.put(CustomerField.LEGAL_ENTITY, "GmbH");

        assertThat(changes.changed()).containsExactly(CustomerField.COMPANY_NAME);
    }

    // ------------------------------------------------------------------------------------ unknown customers

    @Test
    void a_customer_never_registered_is_not_found() {
        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(updateCustomer(UUID.fromString("c0000000-0000-4000-8000-0000000000ff"),
                        CustomerChanges.none().withFirstName("Nobody")))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_seller_without_customers_finds_none() {
        given(sellerRegistered(FREE))
                .when(updateCustomer(JANE, CustomerChanges.none().withFirstName("Janet")))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_deleted_customer_is_not_found() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerDeleted(JANE))
                .when(updateCustomer(JANE, CustomerChanges.none().withFirstName("Janet")))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_deleted_customer_is_not_found_even_for_its_own_email() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerDeleted(JANE))
                .when(changeEmail(JANE, JANE))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void an_unknown_customer_is_not_found_even_when_the_new_email_is_taken() {
        // Not found comes first: a caller must not learn which emails are taken through an unknown id.
        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(updateCustomer(UUID.randomUUID(), CustomerChanges.none().withEmail(new Email(JANE))))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void a_customer_of_another_seller_is_unknown_here() {
        UUID othersCustomer = customerIdFor("theirs@example.com");
        SellerState other = given(sellerRegistered(OTHER_SELLER, FREE),
                customerRegistered(OTHER_SELLER, "theirs@example.com")).state();
        assertThat(other.holds(othersCustomer)).isTrue();

        given(sellerRegistered(SELLER, FREE), customerRegistered(SELLER, JANE))
                .when(updateCustomer(othersCustomer, CustomerChanges.none().withFirstName("Stolen")))
                .thenRejectedWith(new CustomerNotFound());
    }

    @Test
    void updating_a_customer_of_an_unregistered_seller_is_a_programming_error() {
        givenNothing()
                .when(updateCustomer(JANE, CustomerChanges.none().withFirstName("Janet")))
                .thenThrows(IllegalStateException.class)
                .hasMessageContaining(SELLER.toString())
                .hasMessageContaining("not registered");
    }

    // ------------------------------------------------------------------------------------- email uniqueness

    @ParameterizedTest
    @ValueSource(strings = {"john@example.com", "John@Example.com", "JOHN@EXAMPLE.COM", "jOhN@eXaMpLe.CoM"})
    void an_email_held_by_another_customer_is_refused_whatever_its_letter_case(String johnsEmail) {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN))
                .when(changeEmail(JANE, johnsEmail))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void an_email_taken_by_another_customer_refuses_the_whole_update() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN))
                .when(updateCustomer(JANE, CustomerChanges.none().withFirstName("Janet")
                        .withEmail(new Email("John@example.com"))))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void an_email_another_customer_changed_to_is_taken() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN),
                emailChanged(JOHN, "jj@example.com"))
                .when(changeEmail(JANE, "JJ@example.com"))
                .thenRejectedWith(new EmailAlreadyTaken());
    }

    @ParameterizedTest
    @ValueSource(strings = {"JANE@example.com", "Jane@Example.Com", "jane@EXAMPLE.COM"})
    void the_customer_s_own_email_in_another_letter_case_is_accepted(String sameEmail) {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN))
                .when(changeEmail(JANE, sameEmail))
                .thenEvents(new CustomerUpdated(SELLER, customerIdFor(JANE), Set.of(CustomerField.EMAIL), null,
                        null, sameEmail, null, null, null, null, null, null, NOW));
    }

    @Test
    void the_customer_s_own_email_unchanged_is_accepted() {
        given(sellerRegistered(FREE), customerRegistered(JANE))
                .when(changeEmail(JANE, JANE))
                .thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void after_a_change_of_letter_case_the_customer_still_holds_its_email() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE),
                emailChanged(JANE, "JANE@Example.com"));

        assertThat(scenario.state().customerHolding(new Email("jane@example.com"))).contains(customerIdFor(JANE));
        assertThat(scenario.state().liveCustomers()).isEqualTo(1);
        scenario.when(registerCustomer("Jane@example.com")).thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void an_email_a_deleted_customer_had_can_be_taken_over() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN), customerDeleted(JOHN))
                .when(changeEmail(JANE, "JOHN@example.com"))
                .thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void an_email_a_customer_changed_away_from_can_be_taken_over_by_another_customer() {
        given(sellerRegistered(FREE), customerRegistered(JANE), customerRegistered(JOHN),
                emailChanged(JOHN, "jj@example.com"))
                .when(changeEmail(JANE, "John@Example.com"))
                .thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void after_an_email_change_the_old_email_is_free() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE));
        CustomerUpdated changed = scenario.when(changeEmail(JANE, "jane.new@example.com"))
                .thenSingleEvent(CustomerUpdated.class);
        scenario.and(changed);

        scenario.when(registerCustomerAs(UUID.fromString("c0000000-0000-4000-8000-000000000002"), JANE))
                .thenSingleEvent(CustomerRegistered.class);
        scenario.when(registerCustomer("JANE@example.com"))
                .thenSingleEvent(CustomerRegistered.class);
    }

    @Test
    void after_an_email_change_the_new_email_is_taken() {
        SellerScenario scenario = given(sellerRegistered(FREE), customerRegistered(JANE));
        CustomerUpdated changed = scenario.when(changeEmail(JANE, "jane.new@example.com"))
                .thenSingleEvent(CustomerUpdated.class);
        scenario.and(changed);

        scenario.when(registerCustomer("Jane.New@example.com")).thenRejectedWith(new EmailAlreadyTaken());
        scenario.when(registerCustomer("jane.new@example.com")).thenRejectedWith(new EmailAlreadyTaken());
    }

    @Test
    void after_an_email_change_the_state_holds_the_customer_under_the_new_key_only() {
        SellerState state = given(sellerRegistered(PRO), customerRegistered(JANE), customerRegistered(JOHN),
                emailChanged(JANE, "Jane.New@Example.com")).state();

        assertThat(state.liveCustomers()).isEqualTo(2);
        assertThat(state.customers().asMap()).containsOnly(
                Map.entry(customerIdFor(JANE), CustomerIndex.hashOf("jane.new@example.com")),
                Map.entry(customerIdFor(JOHN), CustomerIndex.hashOf(JOHN)));
        assertThat(state.customerHolding(new Email("jane.new@example.com"))).contains(customerIdFor(JANE));
        assertThat(state.customerHolding(new Email(JANE))).isEmpty();
    }

    @Test
    void a_chain_of_email_changes_frees_every_email_but_the_last() {
        SellerScenario scenario = given(sellerRegistered(PRO), customerRegistered(JANE),
                emailChanged(JANE, "two@example.com"), emailChanged(JANE, "three@example.com"),
                emailChanged(JANE, "Four@example.com"));

        scenario.when(registerCustomerAs(UUID.randomUUID(), JANE)).thenSingleEvent(CustomerRegistered.class);
        scenario.when(registerCustomer("two@example.com")).thenSingleEvent(CustomerRegistered.class);
        scenario.when(registerCustomer("three@example.com")).thenSingleEvent(CustomerRegistered.class);
        scenario.when(registerCustomer("four@example.com")).thenRejectedWith(new EmailAlreadyTaken());
        assertThat(scenario.state().liveCustomers()).isEqualTo(1);
    }

    @Test
    void two_customers_can_swap_emails_through_a_third() {
        SellerScenario scenario = given(sellerRegistered(PRO), customerRegistered(JANE), customerRegistered(JOHN));

        scenario.when(changeEmail(JANE, JOHN)).thenRejectedWith(new EmailAlreadyTaken());
        scenario.and(emailChanged(JANE, "parking@example.com"), emailChanged(JOHN, JANE));
        scenario.when(changeEmail(JANE, JOHN)).thenSingleEvent(CustomerUpdated.class);
    }

    @Test
    void deciding_an_update_changes_nothing_until_the_event_is_folded_in() {
        SellerState state = given(sellerRegistered(FREE), customerRegistered(JANE)).state();

        Seller.decide(changeEmail(JANE, "jane.new@example.com"), state, SellerScenario.standardPlans());

        assertThat(state.customerHolding(new Email(JANE))).contains(customerIdFor(JANE));
        assertThat(state.customerHolding(new Email("jane.new@example.com"))).isEmpty();
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static CustomerRegistered registeredWithEverything(String email) {
        return new CustomerRegistered(SELLER, customerIdFor(email), "Jane", "Doe", email, "Doe Consulting", "GmbH",
                Language.EN, CustomerStatus.ACTIVE, OFFICE, REDIRECT, SELLER_SINCE.plusSeconds(60));
    }

    /** A change of {@code field} to a present value different from what {@link #registeredWithEverything} has. */
    private static UnaryOperator<CustomerChanges> changeOf(CustomerField field) {
        return switch (field) {
            case FIRST_NAME -> changes -> changes.withFirstName("Janet");
            case LAST_NAME -> changes -> changes.withLastName("Smith");
            case EMAIL -> changes -> changes.withEmail(new Email("janet@example.com"));
            case COMPANY_NAME -> changes -> changes.withCompanyName("Smith Ltd");
            case LEGAL_ENTITY -> changes -> changes.withLegalEntity("Ltd");
            case LANGUAGE -> changes -> changes.withLanguage(Language.DE);
            case STATUS -> changes -> changes.withStatus(CustomerStatus.INACTIVE);
            case ADDRESS -> changes -> changes.withAddress(NEW_OFFICE);
            case POSTAL_REDIRECT_ADDRESS -> changes -> changes.withPostalRedirectAddress(NEW_OFFICE);
        };
    }

    private static Map<CustomerField, Object> valuesOf(CustomerUpdated updated) {
        Map<CustomerField, Object> values = new EnumMap<>(CustomerField.class);
        values.put(CustomerField.FIRST_NAME, updated.firstName());
        values.put(CustomerField.LAST_NAME, updated.lastName());
        values.put(CustomerField.EMAIL, updated.email());
        values.put(CustomerField.COMPANY_NAME, updated.companyName());
        values.put(CustomerField.LEGAL_ENTITY, updated.legalEntity());
        values.put(CustomerField.LANGUAGE, updated.language());
        values.put(CustomerField.STATUS, updated.status());
        values.put(CustomerField.ADDRESS, updated.address());
        values.put(CustomerField.POSTAL_REDIRECT_ADDRESS, updated.postalRedirectAddress());
        return values;
    }
}
