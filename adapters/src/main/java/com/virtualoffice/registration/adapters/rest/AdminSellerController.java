package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.rest.SellerJson.ApiKeyJson;
import com.virtualoffice.registration.adapters.rest.SellerJson.PlanJson;
import com.virtualoffice.registration.adapters.rest.SellerJson.PlanListJson;
import com.virtualoffice.registration.adapters.rest.SellerJson.SellerListJson;
import com.virtualoffice.registration.application.apikeys.ApiKeyLifecycleUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.sellers.ChangePlanUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.ListSellersUseCase;
import com.virtualoffice.registration.application.sellers.PlanChoices;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.Rejection;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
    private final ChangePlanUseCase changePlan;
    private final ApiKeyLifecycleUseCase apiKeys;
    private final ListSellersUseCase listSellers;
    private final PlanChoices plans;
    private final InstantSource clock;
    private final JsonRequestBody jsonBody;

    AdminSellerController(RegisterSellerUseCase registerSeller, GetSellerUseCase getSeller,
                          IssueApiKeyUseCase issueApiKey, ChangePlanUseCase changePlan, ApiKeyLifecycleUseCase apiKeys,
                          ListSellersUseCase listSellers, PlanChoices plans, InstantSource clock,
                          JsonRequestBody jsonBody) {
        this.registerSeller = registerSeller;
        this.getSeller = getSeller;
        this.issueApiKey = issueApiKey;
        this.changePlan = changePlan;
        this.apiKeys = apiKeys;
        this.listSellers = listSellers;
        this.plans = plans;
        this.clock = clock;
        this.jsonBody = jsonBody;
    }

    @PostMapping("/admin/sellers")
    ResponseEntity<SellerJson> register(HttpServletRequest request) {
        BodyFields body = BodyFields.of(jsonBody.read(request));
        body.require("name");
        String name = body.nonBlankString("name", SELLER_NAME_MAX);
        String plan = body.has("plan") ? plan(body) : plans.defaultPlan();
        return ResponseEntity.status(HttpStatus.CREATED).body(SellerJson.of(
                Rejections.valueOf(registerSeller.register(name, plan, RequestIds.operator(request)))));
    }

    /** Newest first; {@code q} searches the names, letter case aside. */
    @GetMapping("/admin/sellers")
    SellerListJson list(HttpServletRequest request) {
        return listSellers.list(QueryParameters.sellerQuery(request, plans::offers))
                .map(page -> new SellerListJson(page.sellers().stream().map(SellerJson::of).toList(), page.hasMore()))
                .orElseThrow(() -> ApiProblem.badRequest("querystring/starting_after must be the id of a seller"));
    }

    /** The configured plans, from the smallest limit to unlimited, so that a choice of plan needs no guessing. */
    @GetMapping("/admin/plans")
    PlanListJson plans() {
        return new PlanListJson(plans.smallestFirst().stream()
                .map(plan -> PlanJson.of(plan, plans.limits().get(plan), plan.equals(plans.defaultPlan())))
                .toList());
    }

    @GetMapping("/admin/sellers/{id}")
    SellerJson get(@PathVariable String id) {
        return PathIds.parse(id).flatMap(getSeller::get).map(SellerJson::of).orElseThrow(AdminSellerController::noSeller);
    }

    /** Moves the seller to another plan; fields other than {@code plan} are ignored. */
    @PatchMapping("/admin/sellers/{id}")
    SellerJson change(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = PathIds.parse(id).orElseThrow(AdminSellerController::noSeller);
        BodyFields body = BodyFields.of(jsonBody.read(request));
        body.requireNotEmpty();
        if (!body.has("plan")) {
            return getSeller.get(sellerId).map(SellerJson::of).orElseThrow(AdminSellerController::noSeller);
        }
        String plan = plan(body);
        return SellerJson.of(Rejections.valueOf(changePlan.change(sellerId, plan, RequestIds.operator(request))));
    }

    @GetMapping("/admin/sellers/{id}/api-keys")
    ApiKeyListJson keys(@PathVariable String id) {
        UUID sellerId = PathIds.parse(id).filter(seller -> getSeller.get(seller).isPresent())
                .orElseThrow(AdminSellerController::noSeller);
        return new ApiKeyListJson(apiKeys.ofSeller(sellerId).stream().map(key -> ApiKeyJson.of(key, null)).toList());
    }

    @PostMapping("/admin/api-keys/{keyId}/revoke")
    ApiKeyJson revoke(@PathVariable String keyId, HttpServletRequest request) {
        UUID apiKeyId = PathIds.parse(keyId).orElseThrow(AdminSellerController::noKey);
        return ApiKeyJson.of(Rejections.valueOf(apiKeys.revoke(apiKeyId, RequestIds.operator(request))), null);
    }

    @DeleteMapping("/admin/api-keys/{keyId}")
    ResponseEntity<Void> deleteKey(@PathVariable String keyId, HttpServletRequest request) {
        UUID apiKeyId = PathIds.parse(keyId).orElseThrow(AdminSellerController::noKey);
        Rejections.valueOf(apiKeys.delete(apiKeyId, RequestIds.operator(request)));
        return ResponseEntity.noContent().build();
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
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiKeyJson.issued(Rejections.valueOf(
                issueApiKey.issue(sellerId, name, expiresAt.orElse(null), RequestIds.operator(request)))));
    }

    /**
     * Every field of a key is optional, so a bare POST without any body issues an unnamed key. A chunked body has no
     * length but is a body all the same: without a JSON content type it is a 415, not ignored.
     */
    private JsonNode optionalBody(HttpServletRequest request) {
        if (request.getContentType() == null && request.getContentLengthLong() <= 0
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        return jsonBody.read(request);
    }

    private String plan(BodyFields body) {
        return body.oneOf("plan", candidate -> Optional.of(candidate).filter(plans::offers));
    }

    /** {@code {"data": [key, ...]}}, never with the full keys. */
    record ApiKeyListJson(List<ApiKeyJson> data) {
    }

    private static ApiProblem noKey() {
        return Rejections.toProblem(new Rejection.ApiKeyNotFound());
    }

    private static ApiProblem noSeller() {
        return Rejections.toProblem(new Rejection.SellerNotFound());
    }
}
