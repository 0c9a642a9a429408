package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.application.shared.CommandMetrics;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit: who waits, what goes together, and that every caller gets its own answer. */
class AxonSellerDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");
    private static final UUID SELLER = UUID.randomUUID();
    private static final Provenance PROVENANCE = Provenance.apiKey(UUID.randomUUID(), "sk_live_abcd", "request-1", null);

    private final ExecutorService lanes = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final FakeSeller seller = new FakeSeller();
    private final AxonSellerDecisions sender = new AxonSellerDecisions(seller.gateway(), lanes, 3, CommandMetrics.NONE);

    @AfterEach
    void tearDown() {
        seller.release();
        callers.close();
        lanes.close();
    }

    @Test
    void a_lone_command_goes_as_itself_with_its_provenance() {
        DeleteCustomer command = delete(SELLER);
        seller.release();

        assertThat(sender.decide(command, PROVENANCE)).isEqualTo(FakeSeller.decisionFor(command));
        CommandMessage<?> sent = (CommandMessage<?>) seller.received.getFirst();
        assertThat(sent.getPayload()).isEqualTo(command);
        assertThat(sent.getMetaData()).containsAllEntriesOf(PROVENANCE.asMetaData());
    }

    @Test
    void commands_arriving_while_the_seller_decides_go_together_in_order_and_each_caller_gets_its_own_answer()
            throws Exception {
        DeleteCustomer first = delete(SELLER);
        Future<Decision> firstAnswer = callers.submit(() -> sender.decide(first, PROVENANCE));
        seller.awaitReceived(1);
        List<DeleteCustomer> waiting = List.of(delete(SELLER), delete(SELLER), delete(SELLER), delete(SELLER));
        List<Future<Decision>> answers = new ArrayList<>();
        for (DeleteCustomer command : waiting) {
            answers.add(queued(command)); // arrival order is the order of decision
        }
        seller.release();

        assertThat(firstAnswer.get(5, TimeUnit.SECONDS)).isEqualTo(FakeSeller.decisionFor(first));
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(answers.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(FakeSeller.decisionFor(waiting.get(i)));
        }
        // At most three share a transaction: the four that waited went as a batch of three and one alone.
        assertThat(seller.received).hasSize(3);
        SellerCommandBatch batch = (SellerCommandBatch) seller.received.get(1);
        assertThat(batch.entries()).extracting(SellerCommandBatch.Entry::command).isEqualTo(waiting.subList(0, 3));
        assertThat(batch.entries()).allSatisfy(entry -> assertThat(entry.provenance())
                .isEqualTo(PROVENANCE.asMetaData()));
        assertThat(((CommandMessage<?>) seller.received.get(2)).getPayload()).isEqualTo(waiting.get(3));
    }

    @Test
    void another_seller_does_not_wait_for_a_busy_one() throws Exception {
        callers.submit(() -> sender.decide(delete(SELLER), PROVENANCE));
        seller.awaitReceived(1);
        DeleteCustomer elsewhere = delete(UUID.randomUUID());
        seller.passThrough(command -> command.sellerId().equals(elsewhere.sellerId()));

        assertThat(callers.submit(() -> sender.decide(elsewhere, PROVENANCE)).get(5, TimeUnit.SECONDS))
                .isEqualTo(FakeSeller.decisionFor(elsewhere));
    }

    @Test
    void when_a_batch_fails_every_command_in_it_fails_as_if_sent_alone() throws Exception {
        List<Future<Decision>> answers = twoQueuedBehindABusySeller();
        seller.failBatches(new IllegalStateException("database unreachable"));
        seller.release();

        for (Future<Decision> answer : answers) {
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("database unreachable");
        }
    }

    @Test
    void commands_to_an_unknown_seller_are_answered_seller_not_found_alone_or_together() throws Exception {
        seller.unknownSellers();
        List<Future<Decision>> answers = twoQueuedBehindABusySeller();
        seller.release();

        for (Future<Decision> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS))
                    .isEqualTo(new Decision.Rejected(new Rejection.SellerNotFound()));
        }
    }

    /** One command keeps the seller busy; two more arrive meanwhile and will go together once it is released. */
    private List<Future<Decision>> twoQueuedBehindABusySeller() throws Exception {
        callers.submit(() -> sender.decide(delete(SELLER), PROVENANCE));
        seller.awaitReceived(1);
        List<Future<Decision>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            answers.add(queued(delete(SELLER)));
        }
        return answers;
    }

    /**
     * Sends the command from a caller of its own and returns once it waits in the seller's lane: its caller is
     * then parked on the answer, and nothing before the lane parks.
     */
    private Future<Decision> queued(DeleteCustomer command) throws Exception {
        CompletableFuture<Thread> caller = new CompletableFuture<>();
        Future<Decision> answer = callers.submit(() -> {
            caller.complete(Thread.currentThread());
            return sender.decide(command, PROVENANCE);
        });
        Thread thread = caller.get(5, TimeUnit.SECONDS);
        while (thread.isAlive() && thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        return answer;
    }

    private static DeleteCustomer delete(UUID sellerId) {
        return new DeleteCustomer(sellerId, UUID.randomUUID(), NOW);
    }

    /** A command gateway whose seller decides only when released, answering each command distinguishably. */
    private static final class FakeSeller {

        final List<Object> received = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private final Semaphore arrived = new Semaphore(0);
        private volatile Predicate<SellerCommand> passThrough = command -> false;
        private volatile RuntimeException batchFailure;
        private volatile boolean unknownSellers;

        static Decision decisionFor(SellerCommand command) {
            return new Decision.Rejected(new Rejection.UnknownPlan(((DeleteCustomer) command).customerId()
                    .toString()));
        }

        CommandGateway gateway() {
            return (CommandGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CommandGateway.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("sendAndWait") || args.length != 1) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        return decide(args[0]);
                    });
        }

        private Object decide(Object sent) throws InterruptedException {
            received.add(sent);
            arrived.release();
            SellerCommand single = sent instanceof CommandMessage<?> message
                    ? (SellerCommand) message.getPayload() : null;
            if (single == null || !passThrough.test(single)) {
                released.await();
            }
            if (unknownSellers) {
                throw new AggregateNotFoundException(SELLER.toString(), "no such seller");
            }
            if (sent instanceof SellerCommandBatch batch) {
                if (batchFailure != null) {
                    throw batchFailure;
                }
                return batch.entries().stream().map(entry -> decisionFor(entry.command())).toList();
            }
            return decisionFor(single);
        }

        void awaitReceived(int count) throws InterruptedException {
            assertThat(arrived.tryAcquire(count, 5, TimeUnit.SECONDS)).as("%d commands reach the seller", count)
                    .isTrue();
        }

        void passThrough(Predicate<SellerCommand> which) {
            passThrough = which;
        }

        void failBatches(RuntimeException failure) {
            batchFailure = failure;
        }

        void unknownSellers() {
            unknownSellers = true;
        }

        void release() {
            released.countDown();
        }
    }
}
