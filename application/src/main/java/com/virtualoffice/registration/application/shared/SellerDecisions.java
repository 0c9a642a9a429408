package com.virtualoffice.registration.application.shared;

import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.SellerCommand;

/**
 * The write side's port: a seller decides a command and what it decided is recorded, with the provenance on every
 * event. Every use case that changes a seller goes through here; how sellers are loaded, locked, batched and
 * stored is the adapter's business.
 */
public interface SellerDecisions {

    /** The seller's decision; {@code Rejected(SellerNotFound)} when no seller has the command's id. */
    Decision decide(SellerCommand command, Provenance provenance);
}
