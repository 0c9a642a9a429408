package com.virtualoffice.registration.adapters.persistence;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a stream in chunks a few chunks ahead of the thread taking them, in two stages of a thread each: one
 * reads the chunks, the other prepares them (decodes them, for a replay). While one chunk is written, the next
 * ones are read and decoded; and the reading, which waits for the database between chunks, does not wait for
 * the decoding too. The queue between the stages and the taker is short, so that a slow taker holds back the
 * reading and not memory.
 *
 * <p>A failure of the reading or of a preparation reaches the taker with the chunk it would have given, after the
 * chunks before it. Closing (the taker is done, or failed) stops both stages and waits for their threads to end,
 * with the stream closed.
 *
 * @param <T> what the stream holds
 */
final class ReadAhead<T> implements AutoCloseable {

    private sealed interface Item<T> {
    }

    /** A chunk read, prepared or being prepared. */
    private record Chunk<T>(Future<List<T>> elements) implements Item<T> {
    }

    private record End<T>() implements Item<T> {
    }

    private record Failed<T>(RuntimeException failure) implements Item<T> {
    }

    private final BlockingQueue<Item<T>> queue;
    private final ExecutorService preparing;
    private final Thread reader;
    private boolean ended;

    /**
     * @param stream opened on the reading thread and closed there
     * @param chunkSize elements per chunk
     * @param chunksAhead chunks read or prepared beyond the one being taken
     * @param prepare what the preparing thread does to each chunk, in the stream's order, before handing it over
     */
    ReadAhead(String name, Supplier<Stream<? extends T>> stream, int chunkSize, int chunksAhead,
              Consumer<? super List<T>> prepare) {
        this.queue = new ArrayBlockingQueue<>(chunksAhead);
        // One thread: the chunks are prepared in order, and one at a time, as they would be by the reader.
        this.preparing = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(name + "-prepare").daemon()
                .factory());
        this.reader = Thread.ofPlatform().name(name).daemon().start(() -> read(stream, chunkSize, prepare));
    }

    private void read(Supplier<Stream<? extends T>> stream, int chunkSize, Consumer<? super List<T>> prepare) {
        try {
            Item<T> last;
            try (Stream<? extends T> elements = stream.get()) {
                Iterator<? extends T> iterator = elements.iterator();
                while (iterator.hasNext()) {
                    List<T> chunk = new ArrayList<>(chunkSize);
                    while (chunk.size() < chunkSize && iterator.hasNext()) {
                        chunk.add(iterator.next());
                    }
                    queue.put(new Chunk<>(preparing.submit(() -> {
                        prepare.accept(chunk);
                        return chunk;
                    })));
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

    /** The next chunk, or empty once the stream is through; waits for the stages when they are behind. */
    Optional<List<T>> next() throws InterruptedException {
        if (ended) {
            return Optional.empty();
        }
        return switch (queue.take()) {
            case Chunk<T> chunk -> {
                try {
                    yield Optional.of(chunk.elements().get());
                } catch (ExecutionException failed) {
                    ended = true;
                    throw failed.getCause() instanceof RuntimeException failure ? failure
                            : new IllegalStateException("preparing a chunk failed", failed.getCause());
                }
            }
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
        // The chunks queued are dropped; the one being prepared, if any, is finished first.
        preparing.shutdownNow();
        preparing.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
