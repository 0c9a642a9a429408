package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container, or in a filter) are forwarded here by the
 * container; they get the contract's body too, instead of Boot's default error page.
 */
@RestController
class ContractErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer)) {
            // Asked for directly rather than forwarded to by the container: just a path without a route.
            HttpStatusCode notFound = HttpStatusCode.valueOf(404);
            return ResponseEntity.status(notFound).contentType(MediaType.APPLICATION_JSON).body(ErrorBody.of(notFound,
                    ErrorResponses.routeNotFound(request.getMethod(), request.getRequestURI())));
        }
        // A method the container refuses (TRACE) is, as for every other route, "no such route".
        HttpStatusCode status = HttpStatusCode.valueOf((Integer) code == 405 ? 404 : (Integer) code);
        String message = switch (status.value()) {
            case 404 -> ErrorResponses.routeNotFound(request.getMethod(),
                    String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
            case 413 -> "Request body is too large";
            default -> status.is5xxServerError() ? ErrorBody.UNEXPECTED : ErrorBody.reasonPhrase(status.value());
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(ErrorBody.of(status, message));
    }
}
