package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.logging.LogFields;
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
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a sane token, otherwise a
 * new UUID. It is returned in the response header, written to every log line of the request and recorded on
 * the events the request causes.
 */
final class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Answers the container makes itself (and forwards to the error page) need an id as much as any other. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
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
        String requestId = offered != null && ACCEPTABLE.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(HEADER, requestId);
        MDC.put(LogFields.REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LogFields.REQUEST_ID);
        }
    }
}
