package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure of a request into the contract's error body; nothing else ever reaches a client. */
@RestControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ErrorBody> problem(ApiProblem problem, HttpServletRequest request) {
        return keyRefusal(request).orElseGet(() -> render(problem));
    }

    /** Unknown paths and known paths with another method are both "no such route", as in the hosted API. */
    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class,
            HttpRequestMethodNotSupportedException.class})
    ResponseEntity<ErrorBody> noRoute(HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, routeNotFound(request.getMethod(), request.getRequestURI()));
    }

    /** A body Spring itself read (only outside the API's own routes, e.g. actuator) and could not. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable() {
        return respond(HttpStatus.BAD_REQUEST, "Body is not valid JSON but content-type is set to 'application/json'");
    }

    /** The database is out of reach: say so at once rather than hang, and never half-accept a write. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class})
    ResponseEntity<ErrorBody> unavailable(Exception failure, HttpServletRequest request) {
        log.warn("database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                failure.toString());
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "The service is temporarily unavailable");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception failure, HttpServletRequest request) {
        if (DatabaseOutage.causes(failure)) {
            // A connection cut mid-request arrives wrapped by Axon or by Spring's rollback: still the database.
            return unavailable(failure, request);
        }
        Optional<ResponseEntity<ErrorBody>> refusal = keyRefusal(request);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        log.error("unexpected failure of {} {} (request id {})", request.getMethod(), request.getRequestURI(),
                RequestIds.of(request), failure);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, ErrorBody.UNEXPECTED);
    }

    /**
     * A request whose key came from memory and that did not reach its seller's decision, which would have checked
     * the key: the key is looked up before any other answer is given, as for every other request.
     */
    private Optional<ResponseEntity<ErrorBody>> keyRefusal(HttpServletRequest request) {
        try {
            return ApiKeyAuthentication.refusalOfUnconfirmed(request).map(ErrorResponses::render);
        } catch (RuntimeException failure) {
            if (DatabaseOutage.causes(failure)) {
                return Optional.of(unavailable(failure, request));
            }
            throw failure;
        }
    }

    private static ResponseEntity<ErrorBody> render(ApiProblem problem) {
        return ResponseEntity.status(problem.status())
                .headers(problem.headers())
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(problem.status(), problem.getMessage()));
    }

    static String routeNotFound(String method, String path) {
        return "Route " + method + ":" + path + " not found";
    }

    private static ResponseEntity<ErrorBody> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(status, message));
    }
}
