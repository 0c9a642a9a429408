package com.virtualoffice.registration.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema revision of a stored event. Events live forever in the store, so every change to an event's
 * shape bumps this value and adds an upcaster for the old revision. Declared here, next to the event, so the
 * domain says which shape it speaks without depending on the event store's framework.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    String value();
}
