package com.virtualoffice.registration.adapters.axon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.Presented;
import com.virtualoffice.registration.domain.Seller;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import com.virtualoffice.registration.domain.SellerCommand.DeleteApiKey;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import com.virtualoffice.registration.domain.SellerCommand.EraseCustomer;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import com.virtualoffice.registration.domain.SellerCommand.RevokeApiKey;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerState;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The Axon shell around the {@link Seller} decider: it loads a seller's state from its events (or a snapshot),
 * asks the decider, and records what was decided. The handlers return the decision itself, so rejections reach
 * the use cases as values.
 *
 * <p>Snapshots are Jackson-serialised from the fields, hence field visibility, with the state in the compact form of
 * {@link SellerSnapshot}; bump {@link Revision} whenever that shape changes, so that older snapshots are ignored
 * rather than misread.
 */
@Aggregate(cache = AxonConfiguration.SELLER_CACHE,
        commandTargetResolver = AxonConfiguration.SELLER_TARGET_RESOLVER)
@Revision("5")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class SellerAggregate {

    @AggregateIdentifier
    private UUID sellerId;
    @JsonIgnore
    private SellerState state = SellerState.UNREGISTERED;
    /** Since the snapshot this seller was restored from; every event it was built from when there was none. */
    @JsonIgnore
    private long eventsSinceSnapshot;
    /** Set only on the stand-in written as a snapshot: the state as copied under the seller's lock. */
    @JsonIgnore
    private SellerSnapshot copied;
    /** True while the events {@link Seller#decideAll} decided, and already folded into the state, are applied. */
    @JsonIgnore
    private boolean recordingDecided;

    SellerAggregate() {
        // for Axon and for snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Decision handle(RegisterSeller command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(IssueApiKey command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(RegisterCustomer command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots,
                    EmailRecords records) {
        records.confirmHolders(command, state);
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(UpdateCustomer command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots,
                    EmailRecords records) {
        records.confirmHolders(command, state);
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(DeleteCustomer command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(EraseCustomer command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(ChangePlan command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(RevokeApiKey command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    @CommandHandler
    Decision handle(DeleteApiKey command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return decide(command, metaData, plans, snapshots);
    }

    /** Group commit: {@link Seller#decideAll} decides each command on the state its predecessors left. */
    @CommandHandler
    List<Decision> handle(SellerCommandBatch batch, PlanCatalog plans, SellerSnapshots snapshots,
                          EmailRecords records) {
        // The rows a batch writes are not committed yet, but the state knows their exact emails: confirming
        // every command's holders from the committed records first is what confirming them one by one would do.
        batch.entries().forEach(entry -> records.confirmHolders(entry.command(), state));
        List<Decision> decisions = decideAndRecord(batch.entries().stream()
                .map(entry -> presented(entry.command(), entry.provenance())).toList(),
                plans, index -> MetaData.from(batch.entries().get(index).provenance()));
        return snapshotIfDue(decisions, snapshots);
    }

    /**
     * Folds the seller's past as it is loaded. The events just decided were already folded by
     * {@link Seller#decideAll}, which hands back the state they leave: folding them again would apply them twice.
     */
    @EventSourcingHandler
    void on(SellerEvent event) {
        if (!recordingDecided) {
            state = Seller.evolve(state, event);
        }
        sellerId = state.sellerId();
        eventsSinceSnapshot++;
    }

    /** What a snapshot stores: the seller's id and, as {@link #snapshotOfState()}, a copy of its state. */
    static SellerAggregate snapshot(UUID sellerId, SellerSnapshot copied) {
        SellerAggregate snapshot = new SellerAggregate();
        snapshot.sellerId = sellerId;
        snapshot.copied = copied;
        return snapshot;
    }

    @JsonProperty("state")
    private SellerSnapshot snapshotOfState() {
        return copied != null ? copied : SellerSnapshot.of(state);
    }

    @JsonProperty("state")
    private void restoreState(SellerSnapshot snapshot) {
        state = snapshot.restore();
    }

    /** For tests of the shell: the state the decider sees. */
    SellerState state() {
        return state;
    }

    /** A single command: its provenance travels on its message. */
    private Decision decide(SellerCommand command, MetaData metaData, PlanCatalog plans, SellerSnapshots snapshots) {
        return snapshotIfDue(decideAndRecord(List.of(presented(command, metaData)), plans,
                index -> MetaData.emptyInstance()).getFirst(), snapshots);
    }

    /** The key a command was sent with is the one its provenance names, if a key sent it. */
    private static Presented presented(SellerCommand command, Map<String, ?> provenance) {
        Object apiKeyId = provenance.get(Provenance.API_KEY_ID);
        return apiKeyId == null
                ? Presented.withoutKey(command)
                : Presented.withKey(command, UUID.fromString(apiKeyId.toString()));
    }

    /**
     * Snapshots are copied here, in the command's thread while it holds the seller's lock, so that no other thread
     * ever reads the state the next command changes in place; only the copy travels to the snapshot writer, and only
     * once the command has committed. Copying is one pass over the customers; loading the seller again from the
     * store, as Axon's snapshotter does, cost a deserialised snapshot and every event since, on a machine whose
     * cores the requests need.
     */
    private <T> T snapshotIfDue(T decisions, SellerSnapshots snapshots) {
        if (sellerId != null && snapshots.due(eventsSinceSnapshot, state.liveCustomers())) {
            snapshots.writeAfterCommit(sellerId, AggregateLifecycle.getVersion(), SellerSnapshot.of(state));
            eventsSinceSnapshot = 0;
        }
        return decisions;
    }

    /**
     * Decides, then records each accepted event with its own command's provenance. A batch's provenance is given
     * per command; a single command's travels on its message instead.
     */
    private List<Decision> decideAndRecord(List<Presented> commands, PlanCatalog plans,
                                           IntFunction<MetaData> provenance) {
        Seller.Decided decided = Seller.decideAll(commands, state, plans);
        state = decided.state();
        // Axon hands an event applied in a command handler to on() at once, before apply() returns.
        recordingDecided = true;
        try {
            for (int i = 0; i < commands.size(); i++) {
                if (decided.decisions().get(i) instanceof Accepted accepted) {
                    MetaData metaData = provenance.apply(i);
                    accepted.events().forEach(event -> apply(event, metaData));
                }
            }
        } finally {
            recordingDecided = false;
        }
        return decided.decisions();
    }
}
