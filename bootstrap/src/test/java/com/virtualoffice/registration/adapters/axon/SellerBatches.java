package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.SellerCommand;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** For service tests: commands sent as one seller's group commit, which otherwise forms only under load. */
public final class SellerBatches {

    private SellerBatches() {
    }

    /** The commands as one batch for the command gateway, each with the request id given. */
    public static Object of(UUID sellerId, List<SellerCommand> commands, String requestId) {
        return new SellerCommandBatch(sellerId, commands.stream()
                .map(command -> new SellerCommandBatch.Entry(command, Map.of(Provenance.REQUEST_ID, requestId)))
                .toList());
    }
}
