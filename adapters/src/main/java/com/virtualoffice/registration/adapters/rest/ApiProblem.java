package com.virtualoffice.registration.adapters.rest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request the service answers with an error body of the contract: {@code {"error": <reason>, "message": ...}}.
 * Thrown from anywhere in the web layer and rendered by {@link ErrorResponses}.
 */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final HttpHeaders headers;

    ApiProblem(HttpStatus status, String message) {
        this(status, message, HttpHeaders.EMPTY);
    }

    private ApiProblem(HttpStatus status, String message, HttpHeaders headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
    }

    HttpStatus status() {
        return status;
    }

    HttpHeaders headers() {
        return headers;
    }

    static ApiProblem rateLimited(long retryAfterSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded", headers);
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, message);
    }

    static ApiProblem unauthorized(String message) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, message);
    }
}
