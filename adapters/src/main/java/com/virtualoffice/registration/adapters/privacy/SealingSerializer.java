package com.virtualoffice.registration.adapters.privacy;

import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer, with the personal fields of the customer's events sealed: a {@code CustomerRegistered} or
 * {@code CustomerUpdated} of revision 2 is stored as the plain event's JSON without its personal fields, and
 * {@code "sealed"}: the base64 of those fields' JSON, AES-GCM-sealed under the customer's data key
 * ({@link DataKeys}). The associated data names the event type, the seller and the customer, so a sealed value
 * opens in no other event. Read back, the opened fields take the sealed value's place in the stored bytes
 * ({@link SealedPayload}); without the key (the customer is erased) they are {@code null}. Revision 1
 * (plaintext, written before sealing) is read as it is. The domain's events stay plain records: sealing is how
 * this adapter stores them.
 */
public final class SealingSerializer implements Serializer {

    static final String SEALED = "sealed";
    private static final String SEALED_REVISION = "2";
    private static final Set<String> SEALED_TYPES =
            Set.of(CustomerRegistered.class.getName(), CustomerUpdated.class.getName());

    private final Serializer plain;
    private final DataKeys keys;
    /** The JSON properties of the personal fields, as the events' records name them. */
    private final JsonMembers personalMembers;

    public SealingSerializer(Serializer plain, DataKeys keys) {
        this.plain = plain;
        this.keys = keys;
        this.personalMembers = new JsonMembers(Arrays.stream(CustomerField.values()).filter(CustomerField::personal)
                .map(SealingSerializer::property).toList());
    }

    /** {@code POSTAL_REDIRECT_ADDRESS} is the events' {@code postalRedirectAddress}. */
    static String property(CustomerField field) {
        StringBuilder name = new StringBuilder();
        for (String word : field.name().toLowerCase().split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return switch (object) {
            case CustomerRegistered registered -> sealed(registered, registered.customerId(), true,
                    expectedRepresentation);
            case CustomerUpdated updated -> sealed(updated, updated.customerId(), false, expectedRepresentation);
            case null, default -> plain.serialize(object, expectedRepresentation);
        };
    }

    private <T> SerializedObject<T> sealed(SellerEvent event, UUID customerId, boolean firstEvent,
                                           Class<T> expectedRepresentation) {
        SerializedObject<byte[]> plainForm = plain.serialize(event, byte[].class);
        byte[] stored = split(plainForm.getData(), personal -> Aead.seal(keys.forSealing(customerId, firstEvent),
                personal, associatedData(plainForm.getType().getName(), event.sellerId(), customerId)));
        return plain.getConverter().convert(new SimpleSerializedObject<>(stored, byte[].class, plainForm.getType()),
                expectedRepresentation);
    }

    /**
     * The plain event's JSON without its personal members and with {@code "sealed"} last, whose value is those
     * members' JSON as an object, sealed.
     */
    private byte[] split(byte[] plainJson, UnaryOperator<byte[]> seal) {
        JsonMembers.Split split = personalMembers.split(plainJson);
        byte[] rest = split.others();
        byte[] sealed = ((rest.length > 2 ? "," : "") + "\"" + SEALED + "\":\""
                + Base64.getEncoder().encodeToString(seal.apply(split.chosen())) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] stored = Arrays.copyOf(rest, rest.length - 1 + sealed.length);
        System.arraycopy(sealed, 0, stored, rest.length - 1, sealed.length);
        return stored;
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (!isSealed(serializedObject.getType())) {
            return plain.deserialize(serializedObject);
        }
        SealedPayload payload = stored(serializedObject);
        // No key: the customer is erased, and its personal fields stay absent, which reads as null.
        byte[] personal = keys.forOpening(payload.customerId())
                .map(key -> Aead.open(key, payload.sealed(), associatedData(serializedObject.getType().getName(),
                                payload.sellerId(), payload.customerId()))
                        .orElseThrow(() -> new IllegalStateException("the personal data of a "
                                + serializedObject.getType() + " of customer " + payload.customerId()
                                + " does not open under its key")))
                .orElse(null);
        return plain.deserialize(new SimpleSerializedObject<>(payload.opened(personal), byte[].class,
                serializedObject.getType()));
    }

    /**
     * Tells the keys which customers a batch of stored events read from the store holds, so that the first key
     * not cached loads all of theirs in one query; the customers are read only then.
     */
    public void beforeDecoding(List<? extends SerializedObject<?>> payloads) {
        keys.expect(() -> customers(payloads));
    }

    /** The same for a batch of a stream over the whole store, whose keys are not cached ({@link DataKeys}). */
    public void beforeStreaming(List<? extends SerializedObject<?>> payloads) {
        keys.expectStreaming(() -> customers(payloads));
    }

    private Set<UUID> customers(List<? extends SerializedObject<?>> payloads) {
        Set<UUID> customers = new HashSet<>();
        for (SerializedObject<?> payload : payloads) {
            if (isSealed(payload.getType())) {
                customers.add(stored(payload).customerId());
            }
        }
        return customers;
    }

    private SealedPayload stored(SerializedObject<?> sealed) {
        return SealedPayload.read(plain.getConverter().convert(sealed, byte[].class).getData());
    }

    private static boolean isSealed(SerializedType type) {
        return SEALED_REVISION.equals(type.getRevision()) && SEALED_TYPES.contains(type.getName());
    }

    private static byte[] associatedData(String type, UUID sellerId, UUID customerId) {
        return (type + ":" + sellerId + ":" + customerId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return plain.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return plain.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return plain.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return plain.getConverter();
    }
}
