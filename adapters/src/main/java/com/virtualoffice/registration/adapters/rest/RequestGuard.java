package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away what the servlet container and Spring would otherwise fail on with a 500, before any of it runs:
 * a query string that does not decode, a NUL character in a query parameter (PostgreSQL cannot store one), and
 * a Content-Type that is not a concrete media type (hidden, so the body counts as not JSON: 415).
 */
final class RequestGuard extends OncePerRequestFilter {

    private static final String NUL = "\u0000";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException undecodable) {
            reject(response, "querystring must be percent-encoded UTF-8");
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean hasNul = parameter.getKey().contains(NUL);
            for (String value : parameter.getValue()) {
                hasNul |= value.contains(NUL);
            }
            if (hasNul) {
                reject(response, "querystring/" + parameter.getKey().replace(NUL, "")
                        + " must NOT contain the character U+0000");
                return;
            }
        }
        chain.doFilter(isConcrete(request.getContentType()) ? request : withoutContentType(request), response);
    }

    private static boolean isConcrete(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException unparseable) {
            return false;
        }
    }

    private static HttpServletRequest withoutContentType(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getContentType() {
                return null;
            }

            @Override
            public String getHeader(String name) {
                return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                        ? Collections.emptyEnumeration()
                        : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(header -> !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(header))
                        .toList());
            }
        };
    }

    private static void reject(HttpServletResponse response, String message) throws IOException {
        ErrorBody.write(response, HttpServletResponse.SC_BAD_REQUEST, message);
    }
}
