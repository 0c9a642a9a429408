package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

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

    /** Written by hand, for filters: they run before Spring MVC, whose error handling would not see them. */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + reasonPhrase(status) + "\",\"message\":\"" + message
                .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
