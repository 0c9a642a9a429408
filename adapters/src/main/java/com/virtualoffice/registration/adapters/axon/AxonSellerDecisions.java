package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.application.shared.CommandMetrics;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Rejection.SellerNotFound;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The {@link SellerDecisions} port over Axon: sends a command to its seller's aggregate and waits for the
 * decision, with the provenance as the command's metadata.
 *
 * <p>A seller decides one command at a time and each decision is a transaction, so a busy seller is bounded by
 * how many transactions per second one lock holder can commit. Commands that arrive while one of the seller's
 * transactions runs therefore wait in the seller's lane and then go together, as one {@link SellerCommandBatch}
 * decided in order in a single transaction: group commit. A lone command goes as itself, without waiting.
 */
public final class AxonSellerDecisions implements SellerDecisions {

    private final CommandGateway commandGateway;
    private final Executor lanesExecutor;
    private final int maxBatchSize;
    private final CommandMetrics metrics;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

    public AxonSellerDecisions(CommandGateway commandGateway, Executor lanesExecutor, int maxBatchSize,
                               CommandMetrics metrics) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one command, not " + maxBatchSize);
        }
        this.commandGateway = commandGateway;
        this.lanesExecutor = lanesExecutor;
        this.maxBatchSize = maxBatchSize;
        this.metrics = metrics;
    }

    @Override
    public Decision decide(SellerCommand command, Provenance provenance) {
        long started = System.nanoTime();
        try {
            Decision decision = send(command, provenance).orElseGet(() -> Decision.reject(new SellerNotFound()));
            metrics.answered(command, decision, System.nanoTime() - started);
            return decision;
        } catch (RuntimeException | Error failure) {
            metrics.failed(command, failure, System.nanoTime() - started);
            throw failure;
        }
    }

    private Optional<Decision> send(SellerCommand command, Provenance provenance) {
        Pending pending = new Pending(command, provenance.asMetaData());
        if (command instanceof RegisterSeller) {
            // Creates the seller: there is nothing to queue behind yet.
            return sendAlone(pending);
        }
        lanes.computeIfAbsent(command.sellerId(), Lane::new).add(pending);
        try {
            return pending.answer.join();
        } catch (CompletionException failure) {
            // The caller sees the failure as if it had sent the command itself.
            switch (failure.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw failure;
            }
        }
    }

    private Optional<Decision> sendAlone(Pending pending) {
        var message = GenericCommandMessage.asCommandMessage(pending.command)
                .andMetaData(MetaData.from(pending.provenance));
        metrics.transaction(1);
        try {
            return Optional.of(commandGateway.sendAndWait(message));
        } catch (AggregateNotFoundException unknownSeller) {
            return Optional.empty();
        }
    }

    private Optional<List<Decision>> sendTogether(UUID sellerId, List<Pending> batch) {
        var entries = batch.stream().map(pending -> new SellerCommandBatch.Entry(pending.command,
                pending.provenance)).toList();
        metrics.transaction(batch.size());
        try {
            return Optional.of(commandGateway.sendAndWait(new SellerCommandBatch(sellerId, entries)));
        } catch (AggregateNotFoundException unknownSeller) {
            return Optional.empty();
        }
    }

    private record Pending(SellerCommand command, Map<String, String> provenance,
                           CompletableFuture<Optional<Decision>> answer) {

        Pending(SellerCommand command, Map<String, String> provenance) {
            this(command, provenance, new CompletableFuture<>());
        }
    }

    /** One seller's queue; at most one batch of it is in flight at a time. */
    private final class Lane {

        private final UUID sellerId;
        private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean sending = new AtomicBoolean();

        Lane(UUID sellerId) {
            this.sellerId = sellerId;
        }

        void add(Pending pending) {
            waiting.add(pending);
            sendNextIfIdle();
        }

        /** Whoever finds work and no batch in flight starts one; the flag makes sure only one does. */
        private void sendNextIfIdle() {
            if (!waiting.isEmpty() && sending.compareAndSet(false, true)) {
                lanesExecutor.execute(this::sendNext);
            }
        }

        private void sendNext() {
            try {
                List<Pending> batch = new ArrayList<>();
                for (Pending next; batch.size() < maxBatchSize && (next = waiting.poll()) != null; ) {
                    batch.add(next);
                }
                send(batch);
            } finally {
                sending.set(false);
                if (waiting.isEmpty()) {
                    // A command added to this lane meanwhile is not lost: its sender starts a batch itself.
                    lanes.remove(sellerId, this);
                }
                sendNextIfIdle();
            }
        }

        private void send(List<Pending> batch) {
            try {
                if (batch.size() == 1) {
                    Pending alone = batch.getFirst();
                    alone.answer.complete(sendAlone(alone));
                    return;
                }
                Optional<List<Decision>> decisions = sendTogether(sellerId, batch);
                for (int i = 0; i < batch.size(); i++) {
                    int index = i;
                    batch.get(i).answer.complete(decisions.map(all -> all.get(index)));
                }
            } catch (RuntimeException | Error failure) {
                // Nothing of the batch was written: every command in it failed the same way.
                batch.forEach(pending -> pending.answer.completeExceptionally(failure));
            }
        }
    }
}
