package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal data of a customer event as its stored JSON holds it: the events that carry it, and the JSON
 * properties of the {@linkplain CustomerField#personal() personal fields}. The store writes an event as its record's
 * components by name, so each field's property is the component its value sits in, found by building the event
 * with a distinct value in every component and asking the field for its value: nothing lists the fields again.
 */
final class PersonalProperties {

    /** The customer events whose payload holds personal fields, and the events' customer id, as stored. */
    static final PersonalProperties OF_CUSTOMER_EVENTS = derive();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> payloadTypes;
    private final String customerIdProperty;
    private final List<String> personal;

    private PersonalProperties(List<String> payloadTypes, String customerIdProperty, List<String> personal) {
        this.payloadTypes = List.copyOf(payloadTypes);
        this.customerIdProperty = customerIdProperty;
        this.personal = List.copyOf(personal);
    }

    /** The stored types ({@code payload_type}) of the events that hold personal fields. */
    List<String> payloadTypes() {
        return payloadTypes;
    }

    /** The property naming the customer an event is about. */
    String customerIdProperty() {
        return customerIdProperty;
    }

    /** The properties of the personal fields, in the fields' order. */
    List<String> personal() {
        return personal;
    }

    /** A stored payload with its personal properties {@code null}, and which of them held a value. */
    record Scrubbed(String payload, List<String> erased) {
    }

    /**
     * The payload with every personal property {@code null}, all else as it was (order and form included); empty
     * when none of them holds a value, so an event is rewritten once at most.
     */
    Optional<Scrubbed> scrub(String storedPayload) {
        JsonNode json = JSON.readTree(storedPayload);
        if (!(json instanceof ObjectNode payload)) {
            throw new IllegalArgumentException("a stored customer event is a JSON object");
        }
        List<String> erased = new ArrayList<>();
        for (String property : personal) {
            JsonNode value = payload.get(property);
            if (value != null && !value.isNull()) {
                payload.putNull(property);
                erased.add(property);
            }
        }
        return erased.isEmpty() ? Optional.empty() : Optional.of(new Scrubbed(JSON.writeValueAsString(payload), erased));
    }

    private static PersonalProperties derive() {
        CustomerRegistered registered = probe(CustomerRegistered.class);
        CustomerUpdated updated = probe(CustomerUpdated.class);
        String customerId = same(componentHolding(registered, registered.customerId()),
                componentHolding(updated, updated.customerId()));
        List<String> personal = Arrays.stream(CustomerField.values())
                .filter(CustomerField::personal)
                .map(field -> same(componentHolding(registered, field.valueIn(registered)),
                        componentHolding(updated, field.valueIn(updated))))
                .toList();
        return new PersonalProperties(List.of(CustomerRegistered.class.getName(), CustomerUpdated.class.getName()),
                customerId, personal);
    }

    /** The event with a value of its own in each component that a field can point at. */
    private static <E extends Record> E probe(Class<E> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = distinct(components[i].getType(), i);
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName() + " to find its fields in", e);
        }
    }

    private static Object distinct(Class<?> type, int component) {
        String mark = "component-" + component;
        if (type == String.class) {
            return mark;
        }
        if (type == Address.class) {
            return new Address(mark, null, null, null);
        }
        if (type == UUID.class) {
            return new UUID(0, component);
        }
        if (type == Set.class) {
            return Set.of();
        }
        return null; // enumerations and instants: no field is looked for in them
    }

    private static String componentHolding(Record event, Object value) {
        List<String> holding = Arrays.stream(event.getClass().getRecordComponents())
                .filter(component -> value != null && value.equals(valueOf(component, event)))
                .map(RecordComponent::getName)
                .toList();
        if (holding.size() != 1) {
            throw new IllegalStateException("no single component of " + event.getClass().getSimpleName()
                    + " holds " + value + ": " + holding);
        }
        return holding.getFirst();
    }

    private static Object valueOf(RecordComponent component, Record event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both events name a field alike, or a rewrite would miss one of them. */
    private static String same(String inRegistered, String inUpdated) {
        if (!inRegistered.equals(inUpdated)) {
            throw new IllegalStateException("the events name one field " + inRegistered + " and " + inUpdated);
        }
        return inRegistered;
    }
}
