package com.virtualoffice.registration.application.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who caused a change and through which request. It travels as command metadata and is copied onto every event
 * the command causes, so the event store answers "who did this, when, through what request".
 *
 * @param requestId the service's own id of the request
 * @param clientRequestId the {@code X-Request-Id} the client sent, if any: kept beside the service's id, never in
 *                        its place, since a client may send any id it likes
 */
public record Provenance(ActorType actorType, UUID apiKeyId, String apiKeyPrefix, String requestId,
                         String clientRequestId) {

    public static final String ACTOR_TYPE = "actor_type";
    public static final String API_KEY_ID = "api_key_id";
    public static final String API_KEY_PREFIX = "api_key_prefix";
    public static final String REQUEST_ID = "request_id";
    public static final String CLIENT_REQUEST_ID = "client_request_id";

    public enum ActorType {
        API_KEY("api_key"),
        OPERATOR("operator"),
        SYSTEM("system");

        private final String code;

        ActorType(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Events recorded without an actor were caused by the service itself. */
        public static ActorType fromCode(String code) {
            return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst().orElse(SYSTEM);
        }
    }

    public Provenance {
        Objects.requireNonNull(actorType, "actorType");
    }

    public static Provenance apiKey(UUID apiKeyId, String apiKeyPrefix, String requestId, String clientRequestId) {
        return new Provenance(ActorType.API_KEY, apiKeyId, apiKeyPrefix, requestId, clientRequestId);
    }

    public static Provenance operator(String requestId, String clientRequestId) {
        return new Provenance(ActorType.OPERATOR, null, null, requestId, clientRequestId);
    }

    /** The service acting on its own behalf, e.g. creating the demo seller on a first start. */
    public static Provenance system() {
        return new Provenance(ActorType.SYSTEM, null, null, null, null);
    }

    public Map<String, String> asMetaData() {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put(ACTOR_TYPE, actorType.code());
        if (apiKeyId != null) {
            metaData.put(API_KEY_ID, apiKeyId.toString());
            metaData.put(API_KEY_PREFIX, apiKeyPrefix);
        }
        if (requestId != null) {
            metaData.put(REQUEST_ID, requestId);
        }
        if (clientRequestId != null) {
            metaData.put(CLIENT_REQUEST_ID, clientRequestId);
        }
        return metaData;
    }
}
