package com.virtualoffice.registration.adapters.logging;

/**
 * The names of the diagnostic context fields (SLF4J's MDC) on the service's log lines: on every line of a request,
 * and in structured logs (LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs) fields of each JSON object. Never a key or secret.
 */
public final class LogFields {

    /** The request's correlation id (X-Request-Id), also recorded on the events it causes. */
    public static final String REQUEST_ID = "request_id";
    /** The id the client sent in X-Request-Id, kept beside the service's own. */
    public static final String CLIENT_REQUEST_ID = "client_request_id";
    /** The seller a request or command is for, once its API key is known. */
    public static final String SELLER_ID = "seller_id";
    /** The command being decided, as the metrics name it: register_customer, update_customer, ... */
    public static final String COMMAND = "command";

    private LogFields() {
    }
}
