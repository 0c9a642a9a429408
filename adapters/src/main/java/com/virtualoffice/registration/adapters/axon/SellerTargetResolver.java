package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.SellerCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/** Commands are domain records without Axon annotations; each names its seller, and so does a batch of them. */
final class SellerTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return new VersionedAggregateIdentifier(switch (command.getPayload()) {
            case SellerCommand single -> single.sellerId();
            case SellerCommandBatch batch -> batch.sellerId();
            default -> throw new IllegalArgumentException("not a seller command: " + command.getPayloadType());
        }, null);
    }
}
