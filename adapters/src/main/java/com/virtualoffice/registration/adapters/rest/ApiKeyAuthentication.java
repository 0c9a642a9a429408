package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.logging.LogFields;
import com.virtualoffice.registration.application.apikeys.AuthenticateApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.Caller;
import com.virtualoffice.registration.application.apikeys.Caller.Refusal;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks the seller's API key on every {@code /api/**} call before anything else looks at the request, so that a
 * bad body with a bad key is a 401. The key comes from {@code X-API-Key}, or else a Bearer token. A known key
 * over its rate limit gets 429 before its request is looked at; so does a client address over its limit of failed
 * authentications, before its key is looked at.
 *
 * <p>A write its seller decides ({@link KeyCheckedBySeller}) takes a key seen before from memory: the decision
 * refuses a key its seller has revoked or deleted, on any instance. Until it has, the request is unconfirmed, and
 * any other answer to it (a bad body, a replay, a rate limit) looks the key up first, so that a revoked key is still
 * refused before anything else is said.
 */
final class ApiKeyAuthentication implements HandlerInterceptor {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final String ATTRIBUTE = ApiKeyAuthentication.class.getName();
    private static final String UNCONFIRMED = ATTRIBUTE + ".unconfirmed";

    private final AuthenticateApiKeyUseCase authenticate;
    private final RateLimits rateLimits;
    private final FailedAuthentications failures;

    ApiKeyAuthentication(AuthenticateApiKeyUseCase authenticate, RateLimits rateLimits,
                         FailedAuthentications failures) {
        this.authenticate = authenticate;
        this.rateLimits = rateLimits;
        this.failures = failures;
    }

    /** The authenticated caller of a request that passed this interceptor. */
    static Caller caller(HttpServletRequest request) {
        return (Caller) request.getAttribute(ATTRIBUTE);
    }

    static Provenance provenance(HttpServletRequest request) {
        Caller caller = caller(request);
        return Provenance.apiKey(caller.apiKeyId(), caller.apiKeyPrefix(), RequestIds.of(request),
                RequestIds.client(request));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        failures.blocked(request.getRemoteAddr()).ifPresent(retryAfter -> {
            throw ApiProblem.rateLimited(retryAfter);
        });
        boolean checkedBySeller = handler instanceof HandlerMethod method
                && method.hasMethodAnnotation(KeyCheckedBySeller.class);
        Optional<String> presented = presentedKey(request);
        Caller caller = (checkedBySeller
                ? authenticate.authenticateForDecision(presented)
                : authenticate.authenticate(presented)).orElseThrow(refusal -> refused(request, refusal));
        request.setAttribute(ATTRIBUTE, caller);
        if (checkedBySeller) {
            request.setAttribute(UNCONFIRMED, this);
        }
        rateLimits.take(caller.apiKeyId()).ifPresent(retryAfter -> {
            throw ApiProblem.rateLimited(retryAfter);
        });
        MDC.put(LogFields.SELLER_ID, caller.sellerId().toString());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        MDC.remove(LogFields.SELLER_ID);
        Caller caller = caller(request);
        if (caller != null && request.getAttribute(UNCONFIRMED) != null
                && response.getStatus() != HttpStatus.UNAUTHORIZED.value()) {
            authenticate.used(caller);
        }
    }

    /**
     * For an answer about to be given to a request whose key came from memory and no decision has confirmed: the
     * refusal a lookup of its key gives, if any. Asked once; the lookup then stands for the rest of the request.
     */
    static Optional<ApiProblem> refusalOfUnconfirmed(HttpServletRequest request) {
        if (!(request.getAttribute(UNCONFIRMED) instanceof ApiKeyAuthentication authentication)) {
            return Optional.empty();
        }
        request.removeAttribute(UNCONFIRMED);
        return switch (authentication.authenticate.authenticate(presentedKey(request))) {
            case Result.Accepted<Caller, Refusal> confirmed -> Optional.empty();
            case Result.Rejected<Caller, Refusal> rejected -> Optional.of(authentication.refused(request,
                    rejected.reason()));
        };
    }

    /** The answer to a key that lets no one in; the one place its messages are written. */
    static ApiProblem refusal(Refusal refusal) {
        return ApiProblem.unauthorized(switch (refusal) {
            case MISSING -> "API key is required. Provide it via X-API-Key header or Authorization Bearer token.";
            case INVALID -> "Invalid API key";
            case REVOKED -> "API key has been revoked";
            case EXPIRED -> "API key has expired";
        });
    }

    private ApiProblem refused(HttpServletRequest request, Refusal refusal) {
        failures.failed(request.getRemoteAddr());
        return refusal(refusal);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.strip());
        }
        return bearerToken(request);
    }

    static Optional<String> bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
