package com.virtualoffice.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "a.b+c@sub.example.com",
            "o'brien@example.de",
            "a@example.com",
            "A@EXAMPLE.COM",
            "first-last_99@my-host.example.org",
            "x@a1.b2"})
    void well_formed_addresses_are_accepted(String candidate) {
        assertThat(Email.isWellFormed(candidate)).isTrue();
        assertThat(new Email(candidate).value()).isEqualTo(candidate);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a..b@x.com",   // empty dot-separated run
            ".a@x.com",     // leading dot
            "a.@x.com",     // trailing dot
            "a@x",          // a single host label
            "a@-x.com",     // label starting with a hyphen
            "a@x-.com",     // label ending with a hyphen
            "ä@x.com",      // not ASCII
            "a b@x.com",    // whitespace
            "@x.com",       // no local part
            "a@",           // no domain
            "a@x..com",     // empty host label
            "a@@x.com",
            "a@x.com\n",    // trailing line break
            "",
            "plain"})
    void malformed_addresses_are_refused(String candidate) {
        assertThat(Email.isWellFormed(candidate)).isFalse();
        assertThatThrownBy(() -> new Email(candidate)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_missing_address_is_not_well_formed_and_cannot_be_an_email() {
        assertThat(Email.isWellFormed(null)).isFalse();
        assertThatNullPointerException().isThrownBy(() -> new Email(null));
    }

    @Test
    void a_host_label_may_be_at_most_63_characters() {
        String label63 = "a".repeat(63);
        String label64 = "a".repeat(64);

        assertThat(Email.isWellFormed("x@" + label63 + ".com")).isTrue();
        assertThat(Email.isWellFormed("x@" + label64 + ".com")).isFalse();
    }

    @Test
    void the_address_is_kept_exactly_as_written() {
        assertThat(new Email("Jane.Doe@Example.COM").value()).isEqualTo("Jane.Doe@Example.COM");
    }

    @Test
    void the_uniqueness_key_ignores_letter_case() {
        assertThat(new Email("Jane.Doe@Example.COM").uniquenessKey()).isEqualTo("jane.doe@example.com");
    }

    @Test
    void emails_differing_only_in_case_share_a_uniqueness_key_but_stay_distinct_values() {
        Email upper = new Email("A@Example.com");
        Email lower = new Email("a@example.com");

        assertThat(upper.uniquenessKey()).isEqualTo(lower.uniquenessKey());
        assertThat(upper).isNotEqualTo(lower);
    }

    @Test
    void different_addresses_have_different_uniqueness_keys() {
        assertThat(new Email("a@example.com").uniquenessKey())
                .isNotEqualTo(new Email("b@example.com").uniquenessKey());
    }

    @Test
    void the_uniqueness_key_of_an_address_does_not_depend_on_the_default_locale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(new Email("IVAN@EXAMPLE.COM").uniquenessKey()).isEqualTo("ivan@example.com");
            assertThat(Email.keyOf("IVAN@EXAMPLE.COM")).isEqualTo("ivan@example.com");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }
}
