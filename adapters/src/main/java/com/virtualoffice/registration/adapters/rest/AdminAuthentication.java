package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
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
        refusal(request).ifPresent(problem -> {
            throw problem;
        });
        return true;
    }

    /**
     * Why the request may not pass, if it may not: its address is blocked (429), or it lacks the token (401, and
     * the failure counts). Empty for the operator.
     */
    Optional<ApiProblem> refusal(HttpServletRequest request) {
        Optional<Long> retryAfter = failures.blocked(request.getRemoteAddr());
        if (retryAfter.isPresent()) {
            return retryAfter.map(ApiProblem::rateLimited);
        }
        if (!admits(request)) {
            failures.failed(request.getRemoteAddr());
            return Optional.of(ApiProblem.unauthorized(INVALID));
        }
        return Optional.empty();
    }

    private boolean admits(HttpServletRequest request) {
        byte[] presented = ApiKeyAuthentication.bearerToken(request)
                .map(token -> token.getBytes(StandardCharsets.UTF_8))
                .orElse(new byte[0]);
        return MessageDigest.isEqual(presented, adminToken);
    }
}
