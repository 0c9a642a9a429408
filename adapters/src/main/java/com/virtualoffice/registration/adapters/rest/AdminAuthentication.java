package com.virtualoffice.registration.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards the operator API with the configured admin token, compared in constant time. */
final class AdminAuthentication implements HandlerInterceptor {

    private final byte[] adminToken;

    AdminAuthentication(AdminToken adminToken) {
        this.adminToken = adminToken.value().getBytes(StandardCharsets.UTF_8);
    }

    static final String INVALID = "Invalid admin token";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!admits(request)) {
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
