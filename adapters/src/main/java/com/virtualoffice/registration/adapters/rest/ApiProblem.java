package com.virtualoffice.registration.adapters.rest;

import org.springframework.http.HttpStatus;

/**
 * A request the service answers with an error body of the contract: {@code {"error": <reason>, "message": ...}}.
 * Thrown from anywhere in the web layer and rendered by {@link ErrorResponses}.
 */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    ApiProblem(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    HttpStatus status() {
        return status;
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
