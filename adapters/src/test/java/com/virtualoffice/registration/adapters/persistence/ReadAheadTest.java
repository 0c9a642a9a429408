package com.virtualoffice.registration.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void hands_over_the_stream_in_chunks_in_order_each_prepared_in_order_on_a_thread_of_its_own()
            throws Exception {
        List<String> preparedOn = new CopyOnWriteArrayList<>();
        List<List<Integer>> prepared = new CopyOnWriteArrayList<>();
        try (ReadAhead<Integer> chunks = new ReadAhead<>("read-ahead-order", () -> IntStream.range(0, 10).boxed(),
                4, 2, chunk -> {
                    preparedOn.add(Thread.currentThread().getName());
                    prepared.add(List.copyOf(chunk));
                })) {
            assertThat(chunks.next()).contains(List.of(0, 1, 2, 3));
            assertThat(chunks.next()).contains(List.of(4, 5, 6, 7));
            assertThat(chunks.next()).contains(List.of(8, 9));
            assertThat(chunks.next()).isEmpty();
            assertThat(chunks.next()).isEmpty();
        }
        assertThat(prepared).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
        assertThat(preparedOn).containsOnly("read-ahead-order-prepare");
        assertThat(alive("read-ahead-order")).isFalse();
        assertThat(alive("read-ahead-order-prepare")).isFalse();
    }

    @Test
    void a_failure_of_a_preparation_reaches_the_taker_after_the_chunks_before_it() throws Exception {
        try (ReadAhead<Integer> chunks = new ReadAhead<>("read-ahead-preparation",
                () -> IntStream.range(0, 10).boxed(), 3, 2, chunk -> {
                    if (chunk.contains(4)) {
                        throw new IllegalStateException("no key opens event 4");
                    }
                })) {
            assertThat(chunks.next()).contains(List.of(0, 1, 2));
            assertThatThrownBy(chunks::next).hasMessage("no key opens event 4");
            assertThat(chunks.next()).isEmpty();
        }
        assertThat(alive("read-ahead-preparation")).isFalse();
        assertThat(alive("read-ahead-preparation-prepare")).isFalse();
    }

    @Test
    void a_failure_of_the_reading_reaches_the_taker_after_the_chunks_before_it() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Stream<Integer> failing = Stream.iterate(0, i -> i + 1).peek(i -> {
            if (i == 5) {
                throw new IllegalStateException("the store is gone");
            }
        }).onClose(() -> closed.set(true));
        try (ReadAhead<Integer> chunks = new ReadAhead<>("read-ahead-failure", () -> failing, 5, 2, chunk -> {
        })) {
            assertThat(chunks.next()).contains(List.of(0, 1, 2, 3, 4));
            assertThatThrownBy(chunks::next).hasMessage("the store is gone");
            assertThat(chunks.next()).isEmpty();
        }
        assertThat(closed).isTrue();
        assertThat(alive("read-ahead-failure")).isFalse();
    }

    @Test
    void closing_before_the_end_stops_the_reader_and_closes_its_stream() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Optional<List<Integer>> first;
        try (ReadAhead<Integer> chunks = new ReadAhead<>("read-ahead-closed",
                () -> Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true)), 3, 1, chunk -> {
        })) {
            first = chunks.next();
        }
        assertThat(first).contains(List.of(0, 1, 2));
        assertThat(closed).isTrue();
        assertThat(alive("read-ahead-closed")).isFalse();
        assertThat(alive("read-ahead-closed-prepare")).isFalse();
    }

    private static boolean alive(String threadName) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals(threadName));
    }
}
