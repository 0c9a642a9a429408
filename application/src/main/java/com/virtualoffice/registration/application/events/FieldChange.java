package com.virtualoffice.registration.application.events;

/** One field of a customer before and after an event; {@code null} where it had or has no value. */
public record FieldChange(Object from, Object to) {
}
