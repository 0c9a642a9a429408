package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.logging.LogFields;
import com.virtualoffice.registration.application.shared.Provenance;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id of the service's own, a new UUID: returned in the {@code X-Request-Id}
 * response header, written to every log line of the request and recorded on the events the request causes. The
 * caller's {@code X-Request-Id}, when it is a sane token, is kept beside it (logged and recorded as the client's
 * request id), never in its place: a client must not be able to choose the id the audit trail and logs go by.
 */
final class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final String CLIENT_ATTRIBUTE = ATTRIBUTE + ".client";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Answers the container makes itself (and forwards to the error page) need an id as much as any other. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }

    /** The id the client sent, if it was a sane token; else null. */
    static String client(HttpServletRequest request) {
        return (String) request.getAttribute(CLIENT_ATTRIBUTE);
    }

    /** An operator acting through this request. */
    static Provenance operator(HttpServletRequest request) {
        return Provenance.operator(of(request), client(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String existing = of(request);
        if (existing != null) {
            // An error forward of a request that already has its id.
            chain.doFilter(request, response);
            return;
        }
        String offered = request.getHeader(HEADER);
        String requestId = UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        MDC.put(LogFields.REQUEST_ID, requestId);
        if (offered != null && ACCEPTABLE.matcher(offered).matches()) {
            request.setAttribute(CLIENT_ATTRIBUTE, offered);
            MDC.put(LogFields.CLIENT_REQUEST_ID, offered);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.REQUEST_ID);
            MDC.remove(LogFields.CLIENT_REQUEST_ID);
        }
    }
}
