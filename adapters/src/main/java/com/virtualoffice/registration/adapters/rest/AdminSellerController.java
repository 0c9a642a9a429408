package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.rest.SellerJson.ApiKeyJson;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase.Outcome;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.PlanCatalog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The operator API for sellers and their keys, guarded by {@link AdminAuthentication}. */
@RestController
class AdminSellerController {

    static final int SELLER_NAME_MAX = 200;
    static final int KEY_NAME_MAX = 100;

    private final RegisterSellerUseCase registerSeller;
    private final GetSellerUseCase getSeller;
    private final IssueApiKeyUseCase issueApiKey;
    private final PlanCatalog plans;
    private final String defaultPlan;
    private final InstantSource clock;
    private final JsonRequestBody jsonBody;

    AdminSellerController(RegisterSellerUseCase registerSeller, GetSellerUseCase getSeller,
                          IssueApiKeyUseCase issueApiKey, PlanCatalog plans, String defaultPlan,
                          InstantSource clock, JsonRequestBody jsonBody) {
        this.registerSeller = registerSeller;
        this.getSeller = getSeller;
        this.issueApiKey = issueApiKey;
        this.plans = plans;
        this.defaultPlan = defaultPlan;
        this.clock = clock;
        this.jsonBody = jsonBody;
    }

    @PostMapping("/admin/sellers")
    ResponseEntity<SellerJson> register(HttpServletRequest request) {
        BodyFields body = BodyFields.of(jsonBody.read(request));
        body.require("name");
        String name = body.nonBlankString("name", SELLER_NAME_MAX);
        String plan = body.has("plan")
                ? body.oneOf("plan", candidate -> plans.limitOf(candidate).map(limit -> candidate))
                : defaultPlan;
        return switch (registerSeller.register(name, plan, Provenance.operator(RequestIds.of(request)))) {
            case Outcome.Registered registered ->
                    ResponseEntity.status(HttpStatus.CREATED).body(SellerJson.of(registered.seller()));
            case Outcome.Refused refused -> throw Rejections.toProblem(refused.rejection());
        };
    }

    @GetMapping("/admin/sellers/{id}")
    SellerJson get(@PathVariable String id) {
        return PathIds.parse(id).flatMap(getSeller::get).map(SellerJson::of).orElseThrow(AdminSellerController::noSeller);
    }

    @PostMapping("/admin/sellers/{id}/api-keys")
    ResponseEntity<ApiKeyJson> issueKey(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = PathIds.parse(id).orElseThrow(AdminSellerController::noSeller);
        BodyFields body = BodyFields.of(optionalBody(request));
        String name = body.optionalString("name", KEY_NAME_MAX).orElse(null);
        Optional<Instant> expiresAt = body.optionalDateTime("expires_at");
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(clock.instant())) {
            throw ApiProblem.badRequest("body/expires_at must be in the future");
        }
        return issueApiKey.issue(sellerId, name, expiresAt.orElse(null), Provenance.operator(RequestIds.of(request)))
                .map(issued -> ResponseEntity.status(HttpStatus.CREATED).body(ApiKeyJson.issued(issued)))
                .orElseThrow(AdminSellerController::noSeller);
    }

    /** Every field of a key is optional, so a bare POST without any body issues an unnamed key. */
    private JsonNode optionalBody(HttpServletRequest request) {
        if (request.getContentType() == null && request.getContentLengthLong() <= 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        return jsonBody.read(request);
    }

    private static ApiProblem noSeller() {
        return ApiProblem.notFound("Seller not found");
    }
}
