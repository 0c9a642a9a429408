package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics on the service's own port are for operators: they take the operator token, and a wrong one counts
 * against the client address like one at the operator API. A filter, because the actuator's endpoints are not
 * Spring MVC routes and the operator API's interceptor never sees them. With
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
        Optional<ApiProblem> refusal = admin.refusal(request);
        if (refusal.isPresent()) {
            ApiProblem problem = refusal.get();
            problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            ErrorBody.write(response, problem.status().value(), problem.getMessage());
            return;
        }
        chain.doFilter(request, response);
    }
}
