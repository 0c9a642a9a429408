package com.virtualoffice.registration.adapters.persistence;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Decodes events read from the store, a chunk at a time, on whichever thread calls it: what their decoding needs
 * beyond their bytes (their customers' data keys) is loaded once for the chunk, not once per event.
 */
public interface EventDecoder {

    void decode(List<? extends EventMessage<?>> events);
}
