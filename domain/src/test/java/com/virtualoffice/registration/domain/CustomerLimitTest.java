package com.virtualoffice.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CustomerLimitTest {

    @Test
    void a_limit_of_two_allows_more_than_zero_and_more_than_one() {
        assertThat(CustomerLimit.of(2).allowsMoreThan(0)).isTrue();
        assertThat(CustomerLimit.of(2).allowsMoreThan(1)).isTrue();
    }

    @Test
    void a_limit_of_two_does_not_allow_more_than_two() {
        assertThat(CustomerLimit.of(2).allowsMoreThan(2)).isFalse();
    }

    @Test
    void a_limit_already_exceeded_allows_no_more() {
        assertThat(CustomerLimit.of(2).allowsMoreThan(3)).isFalse();
    }

    @Test
    void a_limit_of_zero_allows_none_at_all() {
        assertThat(CustomerLimit.of(0).allowsMoreThan(0)).isFalse();
    }

    @Test
    void an_unlimited_plan_always_allows_one_more() {
        assertThat(CustomerLimit.UNLIMITED.allowsMoreThan(0)).isTrue();
        assertThat(CustomerLimit.UNLIMITED.allowsMoreThan(1000)).isTrue();
        assertThat(CustomerLimit.UNLIMITED.allowsMoreThan(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void a_limit_cannot_be_negative() {
        assertThatIllegalArgumentException().isThrownBy(() -> CustomerLimit.of(-1));
    }

    @Test
    void limits_with_the_same_maximum_are_equal() {
        assertThat(CustomerLimit.of(5)).isEqualTo(CustomerLimit.of(5));
        assertThat(CustomerLimit.of(5)).isNotEqualTo(CustomerLimit.UNLIMITED);
    }
}
