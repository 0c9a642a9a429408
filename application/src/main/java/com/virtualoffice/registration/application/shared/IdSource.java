package com.virtualoffice.registration.application.shared;

import java.util.UUID;

/** Where new identifiers come from, so that tests can name them in advance. */
@FunctionalInterface
public interface IdSource {

    UUID newId();
}
