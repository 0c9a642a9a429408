package com.virtualoffice.registration.adapters.privacy;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Erasure by crypto-shredding: the customer's data key goes in the erasure's own transaction, and with it every
 * personal field its sealed events hold. Not a read model, so a replay of the read models leaves it out.
 */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
final class DataKeyShredder {

    private final DataKeys keys;

    DataKeyShredder(DataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(CustomerErased event) {
        keys.destroy(event.customerId());
    }
}
