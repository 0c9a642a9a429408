package com.virtualoffice.registration.application.shared;

import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.SellerCommand;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Sends a command to its seller and waits for the seller's decision. Every use case that changes a seller goes
 * through here, so provenance is attached the same way everywhere.
 */
public final class SellerCommandSender {

    private final CommandGateway commandGateway;

    public SellerCommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** The seller's decision, or empty when no seller with the command's id exists. */
    public Optional<Decision> send(SellerCommand command, Provenance provenance) {
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(provenance.asMetaData()));
        try {
            return Optional.of(commandGateway.sendAndWait(message));
        } catch (AggregateNotFoundException unknownSeller) {
            return Optional.empty();
        }
    }
}
