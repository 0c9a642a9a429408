package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics on the service's own port are for operators: they take the operator token. A filter, because the
 * actuator's endpoints are not Spring MVC routes and the operator API's interceptor never sees them. With
 * management on a port of its own this filter is not on that port: there the network decides who may scrape.
 */
final class OperatorOnlyEndpoints extends OncePerRequestFilter {

    static final String PROMETHEUS = "/actuator/prometheus";

    private final AdminAuthentication admin;

    OperatorOnlyEndpoints(AdminAuthentication admin) {
        this.admin = admin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admin.admits(request)) {
            ErrorBody.write(response, HttpServletResponse.SC_UNAUTHORIZED, AdminAuthentication.INVALID);
            return;
        }
        chain.doFilter(request, response);
    }
}
