package com.virtualoffice.registration.adapters.axon;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.virtualoffice.registration.application.shared.SellerCommandBatch;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.Seller;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import com.virtualoffice.registration.domain.SellerCommand.DeleteApiKey;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import com.virtualoffice.registration.domain.SellerCommand.RevokeApiKey;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerState;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The Axon shell around the {@link Seller} decider: it loads a seller's state from its events (or a snapshot),
 * asks the decider, and records what was decided. The handlers return the decision itself, so rejections reach
 * the use cases as values.
 *
 * <p>Snapshots are Jackson-serialised from the fields, hence field visibility; bump {@link Revision} whenever the
 * fields' shape changes, so that older snapshots are ignored rather than misread.
 */
@Aggregate(snapshotTriggerDefinition = AxonConfiguration.SELLER_SNAPSHOT_TRIGGER,
        cache = AxonConfiguration.SELLER_CACHE,
        commandTargetResolver = AxonConfiguration.SELLER_TARGET_RESOLVER)
@Revision("3")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class SellerAggregate {

    @AggregateIdentifier
    private UUID sellerId;
    private SellerState state = SellerState.UNREGISTERED;

    SellerAggregate() {
        // for Axon and for snapshots
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Decision handle(RegisterSeller command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(IssueApiKey command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(RegisterCustomer command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(UpdateCustomer command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(DeleteCustomer command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(ChangePlan command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(RevokeApiKey command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    @CommandHandler
    Decision handle(DeleteApiKey command, PlanCatalog plans) {
        return decideAndRecord(command, plans, MetaData.emptyInstance());
    }

    /** Group commit: each command is decided on the state its predecessors in the batch left. */
    @CommandHandler
    List<Decision> handle(SellerCommandBatch batch, PlanCatalog plans) {
        return batch.entries().stream()
                .map(entry -> decideAndRecord(entry.command(), plans, MetaData.from(entry.provenance())))
                .toList();
    }

    @EventSourcingHandler
    void on(SellerEvent event) {
        state = Seller.evolve(state, event);
        sellerId = state.sellerId();
    }

    /** For tests of the shell: the state the decider sees. */
    SellerState state() {
        return state;
    }

    /** A batch's provenance is given per command; a single command's travels on its message instead. */
    private Decision decideAndRecord(SellerCommand command, PlanCatalog plans, MetaData provenance) {
        Decision decision = Seller.decide(command, state, plans);
        if (decision instanceof Accepted accepted) {
            accepted.events().forEach(event -> apply(event, provenance));
        }
        return decision;
    }
}
