package com.virtualoffice.registration.adapters.persistence;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a stream in chunks on a thread of its own, a few chunks ahead of the thread taking them: while one chunk
 * is written, the next ones are fetched and decoded, which would otherwise wait for the writes and make them wait.
 * The queue between the two is short, so that a slow taker holds back the reading and not memory.
 *
 * <p>A failure of the reading reaches the taker with the next chunk it asks for. Closing (the taker is done, or
 * failed) stops the reading and waits for its thread to end, with its stream closed.
 *
 * @param <T> what the stream holds
 */
final class ReadAhead<T> implements AutoCloseable {

    private sealed interface Item<T> {
    }

    private record Chunk<T>(List<T> elements) implements Item<T> {
    }

    private record End<T>() implements Item<T> {
    }

    private record Failed<T>(RuntimeException failure) implements Item<T> {
    }

    private final BlockingQueue<Item<T>> queue;
    private final Thread reader;
    private boolean ended;

    /**
     * @param stream opened on the reading thread and closed there
     * @param chunkSize elements per chunk
     * @param chunksAhead chunks the reader may hold ready beyond the one being taken
     * @param prepare what the reading thread does to each element before handing it over
     */
    ReadAhead(String name, Supplier<Stream<? extends T>> stream, int chunkSize, int chunksAhead,
              Consumer<? super T> prepare) {
        this.queue = new ArrayBlockingQueue<>(chunksAhead);
        this.reader = Thread.ofPlatform().name(name).daemon().start(() -> read(stream, chunkSize, prepare));
    }

    private void read(Supplier<Stream<? extends T>> stream, int chunkSize, Consumer<? super T> prepare) {
        try {
            Item<T> last;
            try (Stream<? extends T> elements = stream.get()) {
                Iterator<? extends T> iterator = elements.iterator();
                while (iterator.hasNext()) {
                    List<T> chunk = new ArrayList<>(chunkSize);
                    while (chunk.size() < chunkSize && iterator.hasNext()) {
                        T element = iterator.next();
                        prepare.accept(element);
                        chunk.add(element);
                    }
                    queue.put(new Chunk<>(chunk));
                }
                last = new End<>();
            } catch (RuntimeException failure) {
                last = new Failed<>(failure);
            } catch (Error failure) {
                // Handed over, not left to end the thread: the taker would wait for a chunk forever.
                last = new Failed<>(new IllegalStateException("reading ahead failed", failure));
            }
            queue.put(last);
        } catch (InterruptedException closed) {
            // Closed by the taker: nobody waits for more.
        }
    }

    /** The next chunk, or empty once the stream is through; waits for the reader when it is behind. */
    Optional<List<T>> next() throws InterruptedException {
        if (ended) {
            return Optional.empty();
        }
        return switch (queue.take()) {
            case Chunk<T> chunk -> Optional.of(chunk.elements());
            case End<T> end -> {
                ended = true;
                yield Optional.empty();
            }
            case Failed<T> failed -> {
                ended = true;
                throw failed.failure();
            }
        };
    }

    @Override
    public void close() {
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                // The reader ends at its next wait on the queue at the latest; the interrupt is kept for later.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
