package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the operator API with the configured admin token, compared in constant time. Failures count against the
 * client address like the seller API's: past the limit, 429 before the token is compared.
 */
final class AdminAuthentication implements HandlerInterceptor {

    private final byte[] adminToken;
    private final FailedAuthentications failures;

    AdminAuthentication(AdminToken adminToken, FailedAuthentications failures) {
        this.adminToken = adminToken.value().getBytes(StandardCharsets.UTF_8);
        this.failures = failures;
    }

    static final String INVALID = "Invalid admin token";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        failures.blocked(request.getRemoteAddr()).ifPresent(retryAfter -> {
            throw ApiProblem.rateLimited(retryAfter);
        });
        if (!admits(request)) {
            failures.failed(request.getRemoteAddr());
            throw ApiProblem.unauthorized(INVALID);
        }
        return true;
    }

    boolean admits(HttpServletRequest request) {
        byte[] presented = ApiKeyAuthentication.bearerToken(request)
                .map(token -> token.getBytes(StandardCharsets.UTF_8))
                .orElse(new byte[0]);
        return MessageDigest.isEqual(presented, adminToken);
    }
}
