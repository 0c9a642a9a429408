package com.virtualoffice.registration.application.shared;

import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Rejection;
import java.util.function.Function;

/**
 * What every use case that changes something answers: what it did, or the reason it refused. Each driving adapter
 * maps it once (the REST adapter to a status and body, the CLI to a line and an exit code); the use cases never
 * throw for an everyday refusal.
 *
 * @param <T> what an accepted request yields
 * @param <R> why a request can be refused: the seller's {@link Rejection}, or the use case's own reasons
 */
public sealed interface Result<T, R> {

    record Accepted<T, R>(T value) implements Result<T, R> {
    }

    record Rejected<T, R>(R reason) implements Result<T, R> {
    }

    static <T, R> Result<T, R> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T, R> Result<T, R> rejected(R reason) {
        return new Rejected<>(reason);
    }

    /** The seller's decision as a result: {@code answer} turns what was accepted into the use case's value. */
    static <T> Result<T, Rejection> of(Decision decision, Function<Decision.Accepted, T> answer) {
        return switch (decision) {
            case Decision.Accepted accepted -> accepted(answer.apply(accepted));
            case Decision.Rejected rejected -> rejected(rejected.rejection());
        };
    }

    /** Goes on to {@code next} when accepted; a rejection stays as it is. */
    default <U> Result<U, R> flatMap(Function<? super T, Result<U, R>> next) {
        return switch (this) {
            case Accepted<T, R> accepted -> next.apply(accepted.value());
            case Rejected<T, R> rejected -> rejected(rejected.reason());
        };
    }

    /** The accepted value, for callers to whom a refusal is a fault (start-up, tests). */
    default T orElseThrow(Function<? super R, ? extends RuntimeException> fault) {
        return switch (this) {
            case Accepted<T, R> accepted -> accepted.value();
            case Rejected<T, R> rejected -> throw fault.apply(rejected.reason());
        };
    }

    default <U> Result<U, R> map(Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Accepted<T, R> accepted -> accepted(mapper.apply(accepted.value()));
            case Rejected<T, R> rejected -> rejected(rejected.reason());
        };
    }
}
