package com.virtualoffice.registration.adapters.rest;

import org.springframework.http.HttpStatusCode;

/** The one shape of every error answer: the status's reason phrase and a message clients may parse. */
record ErrorBody(String error, String message) {

    static final String UNEXPECTED = "An unexpected error occurred";

    static ErrorBody of(HttpStatusCode status, String message) {
        return new ErrorBody(reasonPhrase(status.value()), message);
    }

    /**
     * The phrases clients of the hosted API parse. Spring 7 follows RFC 9110 and says "Content Too Large" and
     * "Unprocessable Content"; the contract keeps the older names.
     */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }
}
